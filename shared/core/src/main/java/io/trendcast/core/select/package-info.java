/**
 * Automatic model selection: rolling-origin backtests over candidate models and their combinations, with
 * prediction intervals recalibrated from backtest errors (the product's {@code auto} method).
 */
package io.trendcast.core.select;
