package io.trendcast.core.model;

import io.trendcast.core.series.TimeSeries;

/**
 * A configured, immutable forecasting method. {@link #fit} estimates a model on one series; the result forecasts
 * any horizon with prediction intervals at any level. Implementations are thread-safe: one instance serves many
 * series in parallel.
 */
public interface Forecaster {

    /** The method name used on the command line and in output files, e.g. {@code ets}. */
    String name();

    /**
     * Fits the method to a series without missing values.
     *
     * @throws ModelException when the method cannot be fitted to this series (too short, degenerate, no admissible
     *                        model); selection treats it as an infinitely bad candidate
     */
    FittedModel fit(TimeSeries series);

    /**
     * Fits knowing the horizon that will be forecast. Methods that select by out-of-sample accuracy use it to
     * size their backtests; the others ignore it.
     */
    default FittedModel fit(TimeSeries series, int horizon) {
        return fit(series);
    }
}
