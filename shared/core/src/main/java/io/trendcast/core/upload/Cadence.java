package io.trendcast.core.upload;

import io.trendcast.core.series.Frequency;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The frequency of a seller's data and the default forecast horizon that goes with it. Immutable; the horizons
 * are configurable with {@link #withHorizon(Frequency, int)}.
 *
 * <p>The frequency is inferred from the distinct dates of the whole dataset with {@link Frequency#infer}: the
 * smallest gap between two dates decides (1 day daily, 7 weekly, 28–31 monthly…). A {@code week_start} column
 * makes the data weekly whatever the gaps. A dataset with a single date, or gaps that fit no frequency, is taken
 * as daily, and {@link Inferred#warning()} says so.
 */
public final class Cadence {

    private final Map<Frequency, Integer> horizons;

    private Cadence(Map<Frequency, Integer> horizons) {
        this.horizons = horizons;
    }

    /** Default horizons: daily 28, weekly 13, monthly 12, quarterly 8, yearly 3. */
    public static Cadence defaults() {
        Map<Frequency, Integer> h = new EnumMap<>(Frequency.class);
        h.put(Frequency.DAILY, 28);
        h.put(Frequency.WEEKLY, 13);
        h.put(Frequency.MONTHLY, 12);
        h.put(Frequency.QUARTERLY, 8);
        h.put(Frequency.YEARLY, 3);
        return new Cadence(h);
    }

    /** The same cadence with another default horizon for {@code frequency}. */
    public Cadence withHorizon(Frequency frequency, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon + " for " + frequency);
        }
        Map<Frequency, Integer> h = new EnumMap<>(horizons);
        h.put(Objects.requireNonNull(frequency, "frequency"), horizon);
        return new Cadence(h);
    }

    /** The default horizon of {@code frequency}. */
    public int horizon(Frequency frequency) {
        return horizons.getOrDefault(frequency, 1);
    }

    /** Infers the frequency of the days set in {@code days} (bit = epoch day). */
    public Inferred infer(BitSet days, boolean weekStarts) {
        if (weekStarts) {
            return new Inferred(Frequency.WEEKLY, horizon(Frequency.WEEKLY), null);
        }
        if (days.cardinality() < 2) {
            return new Inferred(Frequency.DAILY, horizon(Frequency.DAILY),
                    "a single date cannot show the frequency; daily assumed");
        }
        long[] sorted = days.stream().asLongStream().toArray();
        try {
            Frequency f = Frequency.infer(sorted);
            return new Inferred(f, horizon(f), null);
        } catch (IllegalArgumentException e) {
            return new Inferred(Frequency.DAILY, horizon(Frequency.DAILY), e.getMessage() + "; daily assumed");
        }
    }

    /**
     * An inferred frequency.
     *
     * @param frequency the frequency
     * @param horizon   its default horizon
     * @param warning   why the inference fell back to daily, or {@code null}
     */
    public record Inferred(Frequency frequency, int horizon, String warning) {

        /** The usual seasonal period of the frequency (7 daily, 52 weekly, 12 monthly…). */
        public int season() {
            return frequency.defaultSeason();
        }
    }
}
