package io.trendcast.core.port;

import io.trendcast.core.insight.SeriesInsights;
import io.trendcast.core.series.Frequency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The forecast of one series as stored for the API: everything a {@code GET …/items/{item}/forecast} response
 * holds (FORMATS.md §4), so a single read serves a request. Values that were not computed are {@link Double#NaN}.
 *
 * @param seller      the seller
 * @param series      item and optional store
 * @param runId       the training run that produced it
 * @param model       the chosen model, e.g. {@code ets(A,Ad,M)} or {@code combo(theta,arima)}
 * @param frequency   the series frequency
 * @param generatedAt when the forecast was produced
 * @param points      one point per step of the horizon, in date order
 * @param accuracy    the backtest accuracy of the chosen model
 * @param trend       the trend of the forecast against recent history
 * @param insights    the full trend analysis, anomalies, recent history and stock level; when not computed, only
 *                    the trend summary ({@link SeriesInsights#only})
 */
public record StoredForecast(String seller, SeriesKey series, String runId, String model, Frequency frequency,
                             Instant generatedAt, List<Point> points, Accuracy accuracy, Trend trend,
                             SeriesInsights insights) {

    public StoredForecast {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(generatedAt, "generatedAt");
        points = List.copyOf(points);
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(trend, "trend");
        insights = insights == null ? SeriesInsights.only(trend, frequency) : insights;
    }

    /** A forecast without insights beyond its trend summary. */
    public StoredForecast(String seller, SeriesKey series, String runId, String model, Frequency frequency,
                          Instant generatedAt, List<Point> points, Accuracy accuracy, Trend trend) {
        this(seller, series, runId, model, frequency, generatedAt, points, accuracy, trend, null);
    }

    /** The item id. */
    public String item() {
        return series.item();
    }

    /** The store id, or {@code null}. */
    public String store() {
        return series.store();
    }

    /** The number of forecast steps. */
    public int horizon() {
        return points.size();
    }

    /**
     * One forecast step: the mean, the 10/50/90 % quantiles, and the 80 % and 95 % prediction intervals.
     */
    public record Point(LocalDate date, double mean, double p10, double p50, double p90, double lo80, double hi80,
                        double lo95, double hi95) {

        public Point {
            Objects.requireNonNull(date, "date");
        }
    }

    /** Backtest accuracy: mean absolute scaled error and weighted absolute percentage error. */
    public record Accuracy(double mase, double wape) {

        /** Accuracy that was not measured (too little history for a backtest). */
        public static Accuracy unknown() {
            return new Accuracy(Double.NaN, Double.NaN);
        }
    }

    /** Direction and size of the change of the forecast against recent history, in percent. */
    public record Trend(Direction direction, double changePct) {

        public Trend {
            Objects.requireNonNull(direction, "direction");
        }

        /** The direction of a trend, written in lower case in the API ({@code rising}, {@code falling}, {@code flat}). */
        public enum Direction {
            RISING, FALLING, FLAT
        }
    }
}
