/**
 * Seasonal ARIMA models with automatic order selection, following R's {@code stats::arima} (exact likelihood by
 * the Kalman filter of Gardner, Harvey &amp; Phillips 1980, CSS starting values, BFGS) and {@code forecast::auto.arima}
 * (Hyndman &amp; Khandakar 2008: KPSS and seasonal-strength differencing, stepwise search by AICc). The public
 * entry points are {@link io.trendcast.core.model.arima.ArimaForecaster} and the fitted
 * {@link io.trendcast.core.model.arima.ArimaModel}; {@link io.trendcast.core.model.arima.ArimaSpec} names a model.
 */
package io.trendcast.core.model.arima;
