package io.trendcast.core.port;

import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.series.Frequency;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored forecast without its points and history: what rankings and lists need.
 *
 * @param seller      the seller
 * @param series      item and optional store
 * @param runId       the training run that produced it
 * @param model       the chosen model
 * @param frequency   the series frequency
 * @param generatedAt when it was produced
 * @param accuracy    backtest accuracy
 * @param trend       the trend analysis
 * @param anomalies   anomalies in the history, oldest first
 */
public record ForecastSummary(String seller, SeriesKey series, String runId, String model, Frequency frequency,
                              Instant generatedAt, StoredForecast.Accuracy accuracy, TrendAnalysis trend,
                              List<Anomaly> anomalies) {

    public ForecastSummary {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(trend, "trend");
        anomalies = List.copyOf(anomalies);
    }

    /** The summary of {@code f}. */
    public static ForecastSummary of(StoredForecast f) {
        return new ForecastSummary(f.seller(), f.series(), f.runId(), f.model(), f.frequency(), f.generatedAt(),
                f.accuracy(), f.insights().trend(), f.insights().anomalies());
    }
}
