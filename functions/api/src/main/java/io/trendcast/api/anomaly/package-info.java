/**
 * {@code GET /v1/sellers/{seller}/anomalies}: anomalies found in the seller's histories by training (spikes, drops,
 * stock-outs, level shifts), each with its score and the rule that fired, newest first.
 */
package io.trendcast.api.anomaly;
