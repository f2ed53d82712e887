/** Distributions and statistical tests used by the models: normal quantiles, KPSS, seasonality tests. */
package io.trendcast.core.stat;
