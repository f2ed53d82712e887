package io.trendcast.core.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * A regular, gap-free series: one value per period from {@code start} on. Missing periods are {@code NaN} until
 * {@link io.trendcast.core.prepare.GapFiller} fills them. Immutable: the values array is copied in and out.
 *
 * @param id        series identifier, unique within a data set
 * @param frequency spacing of the observations
 * @param start     position of the first value (see {@link Frequency})
 * @param season    seasonal period used by the models (1 means non-seasonal)
 * @param values    the observations, oldest first
 */
public record TimeSeries(String id, Frequency frequency, long start, int season, double[] values) {

    public TimeSeries {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(frequency, "frequency");
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1, was " + season);
        }
        values = values.clone();
    }

    /** A series indexed by period number 1, 2, … with the given season. */
    public static TimeSeries of(String id, int season, double... values) {
        return new TimeSeries(id, Frequency.PERIOD, 1, season, values);
    }

    /** Number of observations. */
    public int length() {
        return values.length;
    }

    /** The value at index {@code i} (0 = oldest). */
    public double at(int i) {
        return values[i];
    }

    /** A copy of the observations. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The position of observation {@code i}; {@code i ≥ length()} gives future positions. */
    public long positionAt(int i) {
        return frequency.plus(start, i);
    }

    /** The same series with other values (same start, frequency and season). */
    public TimeSeries withValues(double[] newValues) {
        return new TimeSeries(id, frequency, start, season, newValues);
    }

    /** The first {@code n} observations. */
    public TimeSeries head(int n) {
        return withValues(Arrays.copyOf(values, n));
    }

    /** The same series with another seasonal period. */
    public TimeSeries withSeason(int newSeason) {
        return new TimeSeries(id, frequency, start, newSeason, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries t && id.equals(t.id) && frequency == t.frequency && start == t.start
                && season == t.season && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, frequency, start, season, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "TimeSeries[" + id + ", " + frequency + ", start=" + frequency.format(start) + ", season=" + season
                + ", n=" + values.length + "]";
    }
}
