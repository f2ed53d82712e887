/**
 * What sellers use forecasts for, as stored values: the trend analysis of a series ({@link
 * io.trendcast.core.insight.TrendAnalysis}), anomalies found in its history ({@link
 * io.trendcast.core.insight.Anomaly}), the recent history itself and the last reported stock ({@link
 * io.trendcast.core.insight.SeriesInsights}). Plain records with no computation, part of the core's {@code ports}
 * jar so the api function can read them; the analyses that produce them ({@code core.trend}, {@code core.anomaly})
 * run in the train function.
 */
package io.trendcast.core.insight;
