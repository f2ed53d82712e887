package io.trendcast.core.model;

/** A model estimated on one series. Immutable and thread-safe. */
public interface FittedModel {

    /** The specific model chosen, e.g. {@code ETS(M,Ad,M)} or {@code ARIMA(0,1,1)(0,1,1)[12]}. */
    String description();

    /**
     * Forecasts {@code horizon} steps ahead.
     *
     * @param levels coverage of the prediction intervals in percent, each in (0, 100), e.g. {@code 80, 95}
     */
    Forecast forecast(int horizon, double... levels);
}
