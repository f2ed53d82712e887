/**
 * Benchmark methods: naive, seasonal naive, drift (Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and
 * Practice</i>, §5.2) and naive2 (the M4 competition's seasonally adjusted naive). Intervals follow R
 * {@code forecast::rwf} and {@code snaive}.
 */
package io.trendcast.core.model.naive;
