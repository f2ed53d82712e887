package io.trendcast.train.shard;

import io.trendcast.core.port.SeriesKey;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The history of one series in a shard: its quantity on each date of its grid, oldest first. A quantity that
 * was not recorded is {@code NaN}.
 *
 * @param key        item and optional store
 * @param dates      the dates of the grid, ascending, without duplicates
 * @param quantities the quantity on each date
 * @param onHand     the last stock level reported (upload column {@code on_hand}), or {@code NaN}
 * @param onHandDate the date of that report, or {@code null}
 */
public record ShardSeries(SeriesKey key, List<LocalDate> dates, double[] quantities, double onHand,
                          LocalDate onHandDate) {

    /** A series without stock reports. */
    public ShardSeries(SeriesKey key, List<LocalDate> dates, double[] quantities) {
        this(key, dates, quantities, Double.NaN, null);
    }

    /** The series with the last finite value of {@code stock} (one per date) as its stock level. */
    public static ShardSeries withStock(SeriesKey key, List<LocalDate> dates, double[] quantities, double[] stock) {
        for (int t = stock.length - 1; t >= 0; t--) {
            if (Double.isFinite(stock[t])) {
                return new ShardSeries(key, dates, quantities, stock[t], dates.get(t));
            }
        }
        return new ShardSeries(key, dates, quantities);
    }

    public ShardSeries {
        Objects.requireNonNull(key, "key");
        dates = List.copyOf(dates);
        if (dates.size() != quantities.length) {
            throw new IllegalArgumentException("one quantity per date: " + dates.size() + " dates, "
                    + quantities.length + " quantities");
        }
        quantities = quantities.clone();
    }

    /** A copy of the quantities. */
    @Override
    public double[] quantities() {
        return quantities.clone();
    }
}
