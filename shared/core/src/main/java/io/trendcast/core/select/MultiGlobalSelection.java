package io.trendcast.core.select;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto} with several global models (for example the Tribuo trees and DeepAR): {@link GlobalSelection}'s rule
 * with more than one global candidate. Each series gets the local choice, every global model's forecast, and their
 * means; all are judged on the series' last {@code horizon} periods, which every global model forecast from a fit
 * without them ({@link GlobalModel#backtest()}) and the local side by {@code auto}'s held-out fold or a refit on the
 * head ({@link LocalBacktest}).
 *
 * <p>Group level first: the default of the group is whichever of the local choice, the global models and the means of
 * two or more global models has the lowest backtest error summed over the group's series (each series' mean absolute
 * error divided by its mean absolute value). When the local choice wins, every series keeps it. Otherwise a series
 * leaves the default only for a candidate (the local choice, another global model or mean of global models, or the mean
 * of the local choice with the default or with every global model) whose own backtest error is lower by more than
 * {@link GlobalSelection#SWITCH_MARGIN}; the lowest such candidate wins. With one global model this is exactly
 * {@link GlobalSelection}'s rule. Series without every backtest keep the local choice. A chosen mean's intervals are
 * narrowed to what its backtest shows ({@link MeanCalibration}). (The means of global models as the group's default
 * came with DeepAR: on Walmart the mean of the Tribuo trees and DeepAR had a WAPE of 9.80% against 10.15% and 10.64%
 * for each alone.)
 */
public final class MultiGlobalSelection {

    private final Forecaster local;
    private final List<String> names;
    private final List<GlobalModel> globals;
    private final List<Map<String, Forecast>> forecasts;

    /**
     * @param local   the local method (usually {@link Methods#autoWithHeldOutFold()})
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

    /**
     * The candidates of one series and their backtests (the local fit, and a refit on the head unless it has
     * {@code auto}'s held-out fold). Thread-safe.
     */
    public Candidates candidates(SeriesInput in, int horizon, double... levels) {
        TimeSeries s = in.series();
        FittedModel fitted = local.fit(s, horizon);
        Forecast localFc = fitted.forecast(horizon, levels);
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
        LocalBacktest lb = LocalBacktest.of(local, fitted, s, h);
        return new Candidates(s.id(), names, localFc, List.of(fc), List.of(bt), lb.forecast(), lb.actual(),
                lb.scale());
    }

    /** Chooses per series (see the class description), by series id. */
    public static Map<String, Forecast> choose(List<Candidates> all) {
        int k = all.stream().filter(Candidates::comparable).mapToInt(c -> c.globals().size()).findFirst().orElse(0);
        int subsets = (1 << k) - 1;
        double[] group = new double[subsets + 1];
        for (Candidates c : all) {
            if (c.comparable()) {
                group[0] += mae(c.actual(), List.of(c.localBacktest())) / c.scale();
                for (int m = 1; m <= subsets; m++) {
                    group[m] += mae(c.actual(), c.backtestsOf(false, m)) / c.scale();
                }
            }
        }
        int best = 0;
        for (int m = 1; m <= subsets; m++) {
            if (group[m] < group[best]) {
                best = m;
            }
        }
        MeanFactors factors = new MeanFactors(all);
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (Candidates c : all) {
            out.put(c.id(), pick(c, best, factors));
        }
        return out;
    }

    /**
     * One series' choice when the group's default is the mean of the global models in {@code preferred} (a bit set
     * over {@link Candidates#globals()}; 0: the local choice).
     */
    private static Forecast pick(Candidates c, int preferred, MeanFactors factors) {
        if (c.globals() == null || preferred == 0) {
            return c.local();
        }
        if (c.localBacktest() == null) {
            return factors.mean(c, false, preferred);
        }
        int all = (1 << c.globals().size()) - 1;
        List<Option> options = new ArrayList<>();
        options.add(new Option(true, 0));
        for (int m = 1; m <= all; m++) {
            if (m != preferred) {
                options.add(new Option(false, m));
            }
        }
        for (int m : preferred == all ? new int[] {all} : new int[] {preferred, all}) {
            options.add(new Option(true, m));
        }
        double bar = (1 - GlobalSelection.SWITCH_MARGIN) * mae(c.actual(), c.backtestsOf(false, preferred));
        Option chosen = null;
        double chosenErr = bar;
        for (Option o : options) {
            double e = mae(c.actual(), c.backtestsOf(o.withLocal(), o.mask()));
            if (e < chosenErr) {
                chosen = o;
                chosenErr = e;
            }
        }
        if (chosen == null) {
            return factors.mean(c, false, preferred);
        }
        if (chosen.mask() == 0) {
            return c.local().withModel("local " + c.local().model());
        }
        return factors.mean(c, chosen.withLocal(), chosen.mask());
    }

    /** A candidate of one series: the mean of the global models in {@code mask}, with the local choice or not. */
    private record Option(boolean withLocal, int mask) {
    }

    /**
     * The means' interval factors ({@link MeanCalibration}), each measured once over the group's comparable series
     * when first asked for. Not thread-safe ({@link #choose} is sequential).
     */
    private static final class MeanFactors {

        private final List<Candidates> comparable;
        private final Map<Option, double[]> byOption = new HashMap<>();

        MeanFactors(List<Candidates> all) {
            this.comparable = all.stream().filter(Candidates::comparable).toList();
        }

        /** The forecast of one option for series {@code c}: a member as is, or a mean with calibrated intervals. */
        Forecast mean(Candidates c, boolean withLocal, int mask) {
            List<Forecast> members = c.forecastsOf(withLocal, mask);
            if (members.size() == 1) {
                return members.get(0);
            }
            double[] f = byOption.computeIfAbsent(new Option(withLocal, mask), o -> {
                List<MeanCalibration.Sample> samples = new ArrayList<>();
                for (Candidates x : comparable) {
                    samples.add(new MeanCalibration.Sample(x.actual(), x.forecastsOf(withLocal, mask),
                            x.backtestsOf(withLocal, mask)));
                }
                return MeanCalibration.factors(samples);
            });
            return MeanCalibration.mean(c.labelOf(withLocal, mask), members, f);
        }
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

        /** The local choice (when {@code withLocal}, first) and the global models in {@code mask}. */
        List<Forecast> forecastsOf(boolean withLocal, int mask) {
            return selected(withLocal ? local : null, globals, mask);
        }

        List<double[]> backtestsOf(boolean withLocal, int mask) {
            return selected(withLocal ? localBacktest : null, globalBacktests, mask);
        }

        /** {@code first} (unless null), then the entries of {@code all} whose bit is set in {@code mask}, in order. */
        private static <T> List<T> selected(T first, List<T> all, int mask) {
            List<T> out = new ArrayList<>();
            if (first != null) {
                out.add(first);
            }
            for (int i = 0; i < all.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    out.add(all.get(i));
                }
            }
            return out;
        }

        String labelOf(boolean withLocal, int mask) {
            return "mean(" + String.join(",", selected(withLocal ? "auto" : null, names, mask)) + ")";
        }
    }
}
