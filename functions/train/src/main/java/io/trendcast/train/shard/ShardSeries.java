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
 */
public record ShardSeries(SeriesKey key, List<LocalDate> dates, double[] quantities) {

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
