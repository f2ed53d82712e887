package io.trendcast.core.select;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.series.TimeSeries;
import java.util.List;
import java.util.Map;

/**
 * {@code auto} with a global model: per series, the local choice ({@code auto} over local methods), the global
 * model, or the mean of both, by mean absolute error on the series' last {@code horizon} periods. One backtest
 * window is a noisy judge, so the global model, which learnt from every series, is kept unless an alternative's
 * error is lower by more than {@link #SWITCH_MARGIN} (the same reasoning as {@code auto}'s preference for its
 * combination). The global model is fitted once per seller; its backtest ({@link GlobalModel#backtest()}) was forecast by
 * the model refitted without those periods, and the local method is refitted on the same head, so the three
 * candidates are compared out of sample on the same window. A series without a global backtest keeps the local
 * choice.
 */
public final class GlobalSelection {

    /** Name of the combination candidate. */
    public static final String COMBINED = "mean(auto,global)";

    /** Relative backtest-error advantage an alternative needs over the global model. */
    public static final double SWITCH_MARGIN = 0.2;

    private final Forecaster local;
    private final GlobalModel global;
    private final Map<String, Forecast> globalForecasts;

    /**
     * @param local  the local method (usually {@link Methods#auto()})
     * @param global the fitted global model
     * @param levels interval levels the forecasts will carry
     */
    public GlobalSelection(Forecaster local, GlobalModel global, double... levels) {
        this.local = local;
        this.global = global;
        this.globalForecasts = global.forecastAll(levels);
    }

    /** The chosen forecast of one series (whose history must be the one the global model was fitted on). */
    public Forecast forecast(SeriesInput in, int horizon, double... levels) {
        TimeSeries s = in.series();
        Forecast localFc = local.fit(s, horizon).forecast(horizon, levels);
        Forecast globalFc = globalForecasts.get(s.id());
        double[] globalBt = global.backtest().get(s.id());
        if (globalFc == null || globalBt == null || globalFc.horizon() < horizon) {
            return localFc;
        }
        globalFc = GlobalModel.cut(globalFc, horizon);
        int n = s.length();
        int h = Math.min(horizon, globalBt.length);
        double[] localBt;
        try {
            localBt = local.fit(s.head(n - globalBt.length), globalBt.length).forecast(globalBt.length, 95).mean();
        } catch (RuntimeException e) {
            return globalFc;
        }
        double eLocal = 0;
        double eGlobal = 0;
        double eMean = 0;
        for (int k = 0; k < h; k++) {
            double a = s.at(n - globalBt.length + k);
            eLocal += Math.abs(a - localBt[k]);
            eGlobal += Math.abs(a - globalBt[k]);
            eMean += Math.abs(a - 0.5 * (localBt[k] + globalBt[k]));
        }
        double bar = (1 - SWITCH_MARGIN) * eGlobal;
        if (eLocal < bar && eLocal < eMean) {
            return localFc.withModel("local " + localFc.model());
        }
        if (eMean < bar) {
            return Combiner.MEAN.combine(COMBINED, List.of(localFc, globalFc));
        }
        return globalFc;
    }
}
