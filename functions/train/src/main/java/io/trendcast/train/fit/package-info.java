/**
 * Training the series of one shard within the invocation's time budget
 * ({@link io.trendcast.train.fit.SeriesTrainer}), and turning each result into the stored forecast the API serves
 * ({@link io.trendcast.train.fit.StoredForecasts}) with its trend analysis, anomalies and recent history (core {@code trend} and {@code anomaly}).
 */
package io.trendcast.train.fit;
