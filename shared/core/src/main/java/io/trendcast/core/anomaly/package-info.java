/**
 * Anomalies in a sales history, found by robust rules on the series' own noise: runs of zeros where the local
 * level makes them improbable (stock-outs), level shifts, and single spikes and drops
 * ({@link io.trendcast.core.anomaly.AnomalyDetector}). The detector also returns the history cleaned for model
 * fitting (stock-outs imputed, spikes and drops winsorised) and moved to its current level for trend analysis.
 */
package io.trendcast.core.anomaly;
