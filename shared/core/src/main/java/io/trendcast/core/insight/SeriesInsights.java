package io.trendcast.core.insight;

import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.series.Frequency;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the train function found about one series besides its forecast, stored with it.
 *
 * @param trend      the trend analysis
 * @param anomalies  anomalies in the history, oldest first
 * @param history    the recent history, for charts
 * @param onHand     the stock level last reported by the seller's uploads ({@code on_hand} column), or
 *                   {@code NaN}
 * @param onHandDate the date of that report, or {@code null}
 */
public record SeriesInsights(TrendAnalysis trend, List<Anomaly> anomalies, RecentHistory history, double onHand,
                             LocalDate onHandDate) {

    public SeriesInsights {
        Objects.requireNonNull(trend, "trend");
        anomalies = List.copyOf(anomalies);
        Objects.requireNonNull(history, "history");
    }

    /** Insights that only repeat the stored trend summary: nothing else was computed. */
    public static SeriesInsights only(Trend trend, Frequency frequency) {
        return new SeriesInsights(TrendAnalysis.of(trend), List.of(), RecentHistory.empty(frequency), Double.NaN,
                null);
    }

    /** Whether a stock level is known. */
    public boolean hasOnHand() {
        return Double.isFinite(onHand);
    }
}
