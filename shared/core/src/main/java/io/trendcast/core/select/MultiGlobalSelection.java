package io.trendcast.core.select;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto} with several global models (for example the Tribuo trees and DeepAR): {@link GlobalSelection}'s rule
 * with more than one global candidate. Each series gets the local choice, every global model's forecast, and their
 * means; all are judged on the series' last {@code horizon} periods, which every global model forecast from a fit
 * without them ({@link GlobalModel#backtest()}) and the local method refitted on the head.
 *
 * <p>Group level first: the default of the group is whichever of the local choice and the global models has the
 * lowest backtest error summed over the group's series (each series' mean absolute error divided by its mean absolute
 * value). When the local choice wins, every series keeps it. Otherwise a series leaves the default only for a
 * candidate (the local choice, another global model, or a mean of the default with the others) whose own backtest
 * error is lower by more than {@link GlobalSelection#SWITCH_MARGIN}; the lowest such candidate wins. With one global
 * model this is exactly {@link GlobalSelection}'s rule. Series without every backtest keep the local choice.
 */
public final class MultiGlobalSelection {

    private final Forecaster local;
    private final List<String> names;
    private final List<GlobalModel> globals;
    private final List<Map<String, Forecast>> forecasts;

    /**
     * @param local   the local method (usually {@link Methods#auto()})
     * @param globals the fitted global models by method name (e.g. {@code global}, {@code deepar}), in order
     * @param levels  interval levels the forecasts will carry
     */
    public MultiGlobalSelection(Forecaster local, Map<String, GlobalModel> globals, double... levels) {
        if (globals.isEmpty()) {
            throw new IllegalArgumentException("at least one global model");
        }
        this.local = local;
        this.names = List.copyOf(globals.keySet());
        this.globals = List.copyOf(globals.values());
        this.forecasts = new ArrayList<>();
        for (GlobalModel g : this.globals) {
            forecasts.add(g.forecastAll(levels));
        }
    }

    /** The candidates of one series and their backtests (two local fits). Thread-safe. */
    public Candidates candidates(SeriesInput in, int horizon, double... levels) {
        TimeSeries s = in.series();
        Forecast localFc = local.fit(s, horizon).forecast(horizon, levels);
        int k = globals.size();
        Forecast[] fc = new Forecast[k];
        double[][] bt = new double[k][];
        int h = -1;
        for (int i = 0; i < k; i++) {
            Forecast f = forecasts.get(i).get(s.id());
            double[] b = globals.get(i).backtest().get(s.id());
            if (f == null || b == null || f.horizon() < horizon || (h >= 0 && b.length != h)) {
                return new Candidates(s.id(), names, localFc, null, null, null, null, 1);
            }
            h = b.length;
            fc[i] = GlobalModel.cut(f, horizon);
            bt[i] = b;
        }
        int n = s.length();
        double[] localBt;
        try {
            localBt = local.fit(s.head(n - h), h).forecast(h, 95).mean();
        } catch (RuntimeException e) {
            localBt = null;
        }
        double[] actual = new double[h];
        for (int j = 0; j < h; j++) {
            actual[j] = s.at(n - h + j);
        }
        double scale = 0;
        for (double v : s.values()) {
            scale += Math.abs(v);
        }
        scale /= n;
        return new Candidates(s.id(), names, localFc, List.of(fc), List.of(bt), localBt, actual,
                scale > 0 ? scale : 1);
    }

    /** Chooses per series (see the class description), by series id. */
    public static Map<String, Forecast> choose(List<Candidates> all) {
        int k = all.stream().filter(Candidates::comparable).mapToInt(c -> c.globals().size()).findFirst().orElse(0);
        double[] group = new double[k + 1];
        for (Candidates c : all) {
            if (c.comparable()) {
                group[0] += mae(c.actual(), List.of(c.localBacktest())) / c.scale();
                for (int i = 0; i < k; i++) {
                    group[i + 1] += mae(c.actual(), List.of(c.globalBacktests().get(i))) / c.scale();
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= k; i++) {
            if (group[i] < group[best]) {
                best = i;
            }
        }
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (Candidates c : all) {
            out.put(c.id(), pick(c, best - 1));
        }
        return out;
    }

    private static Forecast pick(Candidates c, int preferred) {
        if (c.globals() == null || preferred < 0) {
            return c.local();
        }
        if (c.localBacktest() == null) {
            return c.globals().get(preferred);
        }
        List<String> labels = new ArrayList<>();
        List<List<Forecast>> members = new ArrayList<>();
        List<List<double[]>> backtests = new ArrayList<>();
        labels.add("local");
        members.add(List.of(c.local()));
        backtests.add(List.of(c.localBacktest()));
        for (int i = 0; i < c.globals().size(); i++) {
            if (i != preferred) {
                labels.add(c.names().get(i));
                members.add(List.of(c.globals().get(i)));
                backtests.add(List.of(c.globalBacktests().get(i)));
            }
        }
        labels.add("mean(auto," + c.names().get(preferred) + ")");
        members.add(List.of(c.local(), c.globals().get(preferred)));
        backtests.add(List.of(c.localBacktest(), c.globalBacktests().get(preferred)));
        for (int i = 0; i < c.globals().size(); i++) {
            if (i != preferred) {
                String a = c.names().get(Math.min(i, preferred));
                String b = c.names().get(Math.max(i, preferred));
                labels.add("mean(" + a + "," + b + ")");
                members.add(List.of(c.globals().get(preferred), c.globals().get(i)));
                backtests.add(List.of(c.globalBacktests().get(preferred), c.globalBacktests().get(i)));
            }
        }
        if (c.globals().size() > 1) {
            List<Forecast> every = new ArrayList<>(c.globals());
            every.add(0, c.local());
            List<double[]> bts = new ArrayList<>(c.globalBacktests());
            bts.add(0, c.localBacktest());
            labels.add("mean(auto," + String.join(",", c.names()) + ")");
            members.add(every);
            backtests.add(bts);
        }
        double bar = (1 - GlobalSelection.SWITCH_MARGIN) * mae(c.actual(), List.of(c.globalBacktests().get(preferred)));
        int chosen = -1;
        double chosenErr = bar;
        for (int j = 0; j < labels.size(); j++) {
            double e = mae(c.actual(), backtests.get(j));
            if (e < chosenErr) {
                chosen = j;
                chosenErr = e;
            }
        }
        if (chosen < 0) {
            return c.globals().get(preferred);
        }
        if (chosen == 0) {
            return c.local().withModel("local " + c.local().model());
        }
        List<Forecast> m = members.get(chosen);
        return m.size() == 1 ? m.get(0) : Combiner.MEAN.combine(labels.get(chosen), m);
    }

    /** Mean absolute error of the mean of {@code forecasts}. */
    private static double mae(double[] actual, List<double[]> forecasts) {
        double s = 0;
        for (int k = 0; k < actual.length; k++) {
            double f = 0;
            for (double[] x : forecasts) {
                f += x[k];
            }
            s += Math.abs(actual[k] - f / forecasts.size());
        }
        return s / actual.length;
    }

    /**
     * One series' candidates.
     *
     * @param names           the global models' names, in order
     * @param local           the local choice's forecast
     * @param globals         each global model's forecast (null: the series lacks one of them)
     * @param globalBacktests each global model's forecast of the backtest window
     * @param localBacktest   the local choice's forecast of the backtest window (null: it could not be refitted)
     * @param actual          the backtest window's observations
     * @param scale           the series' mean absolute value
     */
    public record Candidates(String id, List<String> names, Forecast local, List<Forecast> globals,
                             List<double[]> globalBacktests, double[] localBacktest, double[] actual, double scale) {

        boolean comparable() {
            return globals != null && localBacktest != null;
        }
    }
}
