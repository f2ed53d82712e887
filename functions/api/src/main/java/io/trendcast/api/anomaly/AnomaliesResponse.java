package io.trendcast.api.anomaly;

import java.util.List;

/**
 * The anomalies JSON: {@code {seller, count, total, anomalies:[{item, store, date, endDate, kind, value, expected,
 * score, rule}]}}, newest first.
 *
 * @param seller    the seller
 * @param count     the number returned
 * @param total     the number matching the filters
 * @param anomalies the anomalies
 */
public record AnomaliesResponse(String seller, int count, int total, List<Entry> anomalies) {

    /**
     * One anomaly of one series.
     *
     * @param item     the item
     * @param store    the store, or {@code null}
     * @param date     first date
     * @param endDate  last date
     * @param kind     {@code spike}, {@code drop}, {@code stockout} or {@code level_shift}
     * @param value    observed value (mean over a run; the new level of a shift)
     * @param expected expected value (the old level of a shift)
     * @param score    distance from expected in robust standard deviations of the series' noise
     * @param rule     the rule that fired
     */
    public record Entry(String item, String store, String date, String endDate, String kind, Double value,
                        Double expected, Double score, String rule) {
    }
}
