package io.trendcast.core.select;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auto} with a global model: per series, the local choice ({@code auto} over local methods), the global
 * model, or the mean of both, judged on each series' last {@code horizon} periods. The global model was fitted once
 * per seller; its backtest ({@link GlobalModel#backtest()}) came from the model refitted without those periods, and
 * the local side's from {@code auto}'s held-out fold or a refit on the same head ({@link LocalBacktest}), so all
 * candidates are compared out of sample on the same window.
 *
 * <p>One window per series is a noisy judge; the whole group's windows are not. So the decision has two levels: the
 * global model serves the group only when its backtest error summed over all series (each series' mean absolute
 * error divided by its mean absolute value) is lower than the local choice's; otherwise every series keeps the local
 * choice. Within a group the global model serves, a series leaves it only for a candidate (local, or the mean of
 * both) whose own backtest error is lower by more than {@link #SWITCH_MARGIN} (the reasoning of {@code auto}'s
 * preference for its combination). Series without a global backtest keep the local choice. The mean's intervals are
 * the members' averaged bounds narrowed to what its backtest shows ({@link MeanCalibration}).
 */
public final class GlobalSelection {

    /** Name of the combination candidate. */
    public static final String COMBINED = "mean(auto,global)";

    /** Relative backtest-error advantage a candidate needs over the default. */
    public static final double SWITCH_MARGIN = 0.2;

    private final Forecaster local;
    private final GlobalModel global;
    private final Map<String, Forecast> globalForecasts;

    /**
     * @param local  the local method (usually {@link Methods#autoWithHeldOutFold()})
     * @param global the fitted global model
     * @param levels interval levels the forecasts will carry
     */
    public GlobalSelection(Forecaster local, GlobalModel global, double... levels) {
        this.local = local;
        this.global = global;
        this.globalForecasts = global.forecastAll(levels);
    }

    /**
     * The candidates of one series and their backtests (the expensive step: the local fit, and a refit on the head
     * unless it has {@code auto}'s held-out fold). Thread-safe.
     *
     * @param in      a series the global model was fitted on
     * @param horizon steps to forecast
     */
    public Candidates candidates(SeriesInput in, int horizon, double... levels) {
        TimeSeries s = in.series();
        FittedModel fitted = local.fit(s, horizon);
        Forecast localFc = fitted.forecast(horizon, levels);
        Forecast globalFc = globalForecasts.get(s.id());
        double[] globalBt = global.backtest().get(s.id());
        if (globalFc == null || globalBt == null || globalFc.horizon() < horizon) {
            return new Candidates(s.id(), localFc, null, null, null, null, 1);
        }
        globalFc = GlobalModel.cut(globalFc, horizon);
        LocalBacktest lb = LocalBacktest.of(local, fitted, s, globalBt.length);
        return new Candidates(s.id(), localFc, globalFc, lb.forecast(), globalBt, lb.actual(), lb.scale());
    }

    /** Chooses per series (see the class description), by series id. */
    public static Map<String, Forecast> choose(List<Candidates> all) {
        double groupLocal = 0;
        double groupGlobal = 0;
        for (Candidates c : all) {
            if (c.comparable()) {
                groupLocal += mae(c.actual(), c.localBacktest(), null) / c.scale();
                groupGlobal += mae(c.actual(), c.globalBacktest(), null) / c.scale();
            }
        }
        return choose(all, groupGlobal < groupLocal);
    }

    /**
     * Chooses per series with the group decision made elsewhere ({@code preferGlobal}: the global model is the
     * group's default), for a group larger than {@code all}, such as every shard of a run.
     */
    public static Map<String, Forecast> choose(List<Candidates> all, boolean preferGlobal) {
        double[] meanFactors = preferGlobal ? meanFactors(all) : null;
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (Candidates c : all) {
            out.put(c.id(), pick(c, preferGlobal, meanFactors));
        }
        return out;
    }

    /** {@link MeanCalibration}'s factors for the mean of the local choice and the global model. */
    private static double[] meanFactors(List<Candidates> all) {
        List<MeanCalibration.Sample> samples = new ArrayList<>();
        for (Candidates c : all) {
            if (c.comparable()) {
                samples.add(new MeanCalibration.Sample(c.actual(), List.of(c.local(), c.global()),
                        List.of(c.localBacktest(), c.globalBacktest())));
            }
        }
        return MeanCalibration.factors(samples);
    }

    private static Forecast pick(Candidates c, boolean preferGlobal, double[] meanFactors) {
        if (c.global() == null) {
            return c.local();
        }
        if (c.localBacktest() == null) {
            return preferGlobal ? c.global() : c.local();
        }
        double eLocal = mae(c.actual(), c.localBacktest(), null);
        double eGlobal = mae(c.actual(), c.globalBacktest(), null);
        double eMean = mae(c.actual(), c.localBacktest(), c.globalBacktest());
        if (!preferGlobal) {
            return c.local();
        }
        double bar = (1 - SWITCH_MARGIN) * eGlobal;
        if (eLocal < bar && eLocal < eMean) {
            return c.local().withModel("local " + c.local().model());
        }
        if (eMean < bar) {
            return MeanCalibration.mean(COMBINED, List.of(c.local(), c.global()), meanFactors);
        }
        return c.global();
    }

    private static double mae(double[] actual, double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < actual.length; k++) {
            double f = b == null ? a[k] : 0.5 * (a[k] + b[k]);
            s += Math.abs(actual[k] - f);
        }
        return s / actual.length;
    }

    /**
     * One series' candidates.
     *
     * @param local          the local choice's forecast
     * @param global         the global model's forecast (null: the series had none)
     * @param localBacktest  the local choice's forecast of the backtest window (null: it could not be refitted)
     * @param globalBacktest the global model's forecast of the backtest window
     * @param actual         the backtest window's observations
     * @param scale          the series' mean absolute value
     */
    public record Candidates(String id, Forecast local, Forecast global, double[] localBacktest,
                             double[] globalBacktest, double[] actual, double scale) {

        boolean comparable() {
            return global != null && localBacktest != null;
        }
    }

    /** Convenience for one group: candidates of every series, then the choice. Sequential. */
    public Map<String, Forecast> forecastAll(List<SeriesInput> inputs, Map<String, Integer> horizons,
                                             double... levels) {
        List<Candidates> all = new ArrayList<>();
        for (SeriesInput in : inputs) {
            all.add(candidates(in, horizons.get(in.series().id()), levels));
        }
        return choose(all);
    }
}
