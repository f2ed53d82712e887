/**
 * Forecast accuracy (MASE, sMAPE, WAPE, interval coverage, the M4 conventions of Makridakis et al. 2020) and
 * rolling-origin backtests (Tashman 2000).
 */
package io.trendcast.core.eval;
