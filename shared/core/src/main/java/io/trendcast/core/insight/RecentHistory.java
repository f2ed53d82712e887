package io.trendcast.core.insight;

import io.trendcast.core.series.Frequency;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The last observations of a series on its regular grid, for charts: {@code values[i]} is the value
 * {@code i} periods after {@code start}; {@code NaN} where nothing was recorded.
 *
 * @param start     the date of the first value
 * @param frequency the grid
 * @param values    the values, oldest first
 */
public record RecentHistory(LocalDate start, Frequency frequency, double[] values) {

    /** The most observations kept: two years of daily data. */
    public static final int MAX_LENGTH = 730;

    public RecentHistory {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(frequency, "frequency");
        values = values.clone();
    }

    /** The last {@link #MAX_LENGTH} values of {@code all}, whose first value is at {@code firstDate}. */
    public static RecentHistory tail(LocalDate firstDate, Frequency frequency, double[] all) {
        int from = Math.max(0, all.length - MAX_LENGTH);
        LocalDate start = LocalDate.ofEpochDay(frequency.plus(firstDate.toEpochDay(), from));
        return new RecentHistory(start, frequency, Arrays.copyOfRange(all, from, all.length));
    }

    /** An empty history. */
    public static RecentHistory empty(Frequency frequency) {
        return new RecentHistory(LocalDate.EPOCH, frequency, new double[0]);
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of values. */
    public int length() {
        return values.length;
    }

    /** The date of value {@code i}. */
    public LocalDate dateAt(int i) {
        return LocalDate.ofEpochDay(frequency.plus(start.toEpochDay(), i));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentHistory h && start.equals(h.start) && frequency == h.frequency
                && Arrays.equals(values, h.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, frequency, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "RecentHistory[" + start + ", " + frequency + ", " + values.length + " values]";
    }
}
