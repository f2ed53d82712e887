package io.trendcast.core.model;

/**
 * A fitted model whose structure (the ETS components, the ARIMA orders…) can be re-estimated on other data
 * without searching again. Backtests use it to evaluate a selected structure cheaply at earlier origins.
 */
public interface Refittable {

    /** A forecaster that fits this model's structure, re-estimating only its parameters. */
    Forecaster sameStructure();
}
