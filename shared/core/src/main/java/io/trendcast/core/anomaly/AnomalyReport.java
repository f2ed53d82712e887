package io.trendcast.core.anomaly;

import io.trendcast.core.insight.Anomaly;

import java.util.List;

/**
 * What {@link AnomalyDetector} found in a series, and the series prepared for what comes next.
 *
 * @param anomalies     the anomalies, oldest first
 * @param forFitting    the history for model fitting: stock-out days imputed with their expected value, spikes
 *                      and drops winsorised to the expected value ± the threshold; level shifts kept (the models
 *                      adapt to them)
 * @param atLevel       {@code forFitting} with each segment before a level shift moved to the level after it, so
 *                      that only the trend remains (for trend analysis)
 * @param decomposition the robust decomposition of {@code atLevel}
 */
public record AnomalyReport(List<Anomaly> anomalies, double[] forFitting, double[] atLevel,
                            Decomposition decomposition) {

    public AnomalyReport {
        anomalies = List.copyOf(anomalies);
    }
}
