package io.trendcast.train.fit;

import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.select.BacktestSummary;
import io.trendcast.core.series.TimeSeries;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of training one series.
 *
 * @param key            item and optional store
 * @param history        the gap-filled history the model was fitted to (with stock-outs imputed and spikes and
 *                       drops winsorised)
 * @param inputSha256    hex SHA-256 of the series' rows as read (dates and quantities), before gap filling
 * @param forecast       mean and 80 % and 95 % intervals over the horizon
 * @param model          the served model name: the chosen candidate, or {@link #FALLBACK_MODEL}
 * @param members        the description of each member model
 * @param accuracy       backtest accuracy of the chosen candidate, or {@code null} when not measured
 * @param skipped        candidates that failed, each with its reason
 * @param fallbackReason why the cheap fallback forecast was used, or {@code null} when {@code auto} chose
 * @param fitMillis      wall-clock milliseconds spent fitting and forecasting
 * @param observed       the gap-filled history as observed, before anomalies were cleaned out of it
 * @param anomalies      the anomalies found in {@code observed} and the cleaned series
 * @param onHand         the last stock level reported, or {@code NaN}
 * @param onHandDate     the date of that report, or {@code null}
 * @param heldOutFold    the local side's backtest against the global models: the forecast of the history's last
 *                       {@code horizon} periods by the candidate {@code auto} chooses without them
 *                       ({@link io.trendcast.core.select.AutoModel#heldOutFold()}); empty when not backtested
 */
public record TrainedSeries(SeriesKey key, TimeSeries history, String inputSha256, Forecast forecast, String model,
                            List<String> members, BacktestSummary accuracy, List<String> skipped,
                            String fallbackReason, long fitMillis, TimeSeries observed, AnomalyReport anomalies,
                            double onHand, LocalDate onHandDate, double[] heldOutFold) {

    /** The served model name of a seasonal-naive fallback forecast. */
    public static final String FALLBACK_MODEL = "fallback:snaive";

    public TrainedSeries {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(forecast, "forecast");
        members = List.copyOf(members);
        skipped = List.copyOf(skipped);
        observed = observed == null ? history : observed;
        heldOutFold = heldOutFold == null ? new double[0] : heldOutFold.clone();
    }

    /** A trained series without a backtest window. */
    public TrainedSeries(SeriesKey key, TimeSeries history, String inputSha256, Forecast forecast, String model,
                         List<String> members, BacktestSummary accuracy, List<String> skipped,
                         String fallbackReason, long fitMillis, TimeSeries observed, AnomalyReport anomalies,
                         double onHand, LocalDate onHandDate) {
        this(key, history, inputSha256, forecast, model, members, accuracy, skipped, fallbackReason, fitMillis,
                observed, anomalies, onHand, onHandDate, new double[0]);
    }

    @Override
    public double[] heldOutFold() {
        return heldOutFold.clone();
    }

    /** A series trained on its history as observed, with no anomaly analysis and no stock level. */
    public TrainedSeries(SeriesKey key, TimeSeries history, String inputSha256, Forecast forecast, String model,
                         List<String> members, BacktestSummary accuracy, List<String> skipped,
                         String fallbackReason, long fitMillis) {
        this(key, history, inputSha256, forecast, model, members, accuracy, skipped, fallbackReason, fitMillis,
                history, null, Double.NaN, null);
    }

    /** Whether the cheap fallback was used instead of {@code auto}. */
    public boolean isFallback() {
        return fallbackReason != null;
    }
}
