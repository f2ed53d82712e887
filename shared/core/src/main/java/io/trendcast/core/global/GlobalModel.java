package io.trendcast.core.global;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import java.util.Map;

/** A global model fitted across series; immutable and thread-safe. */
public interface GlobalModel {

    /** What was fitted, e.g. {@code global(xgboost, recursive, 120 trees)}. */
    String description();

    /** Forecasts of every fitted series, by series id, for the fitted horizon. */
    Map<String, Forecast> forecastAll(double... levels);

    /**
     * Out-of-sample point forecasts of the last {@code horizon} observed periods of each series, from the model
     * refitted without them (the backtest the intervals were calibrated on); series too short are absent.
     */
    Map<String, double[]> backtest();

    /** Relative importance of each driver for one series (sums to 1), largest first; empty when unknown. */
    Map<String, Double> importance(String seriesId);

    /** The first {@code horizon} steps of {@code f}. */
    static Forecast cut(Forecast f, int horizon) {
        if (horizon < 1 || horizon > f.horizon()) {
            throw new IllegalArgumentException("cannot cut a " + f.horizon() + "-step forecast to " + horizon);
        }
        double[][] lo = new double[f.levels().length][];
        double[][] hi = new double[f.levels().length][];
        for (int k = 0; k < lo.length; k++) {
            lo[k] = java.util.Arrays.copyOf(f.lower()[k], horizon);
            hi[k] = java.util.Arrays.copyOf(f.upper()[k], horizon);
        }
        return new Forecast(f.model(), java.util.Arrays.copyOf(f.mean(), horizon), f.levels(), lo, hi);
    }

    /**
     * The model of one series, for code that works per series. Its {@code forecast} serves horizons up to the
     * fitted one.
     *
     * @throws IllegalArgumentException when the series was not part of the fit
     */
    default FittedModel modelFor(String seriesId, double... levels) {
        Map<String, Forecast> all = forecastAll(levels);
        Forecast fc = all.get(seriesId);
        if (fc == null) {
            throw new IllegalArgumentException("series '" + seriesId + "' was not part of the global fit");
        }
        return new SeriesSlice(fc);
    }
}
