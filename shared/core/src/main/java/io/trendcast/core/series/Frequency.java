package io.trendcast.core.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The spacing of a regular series. Date frequencies index time by a {@link LocalDate}; {@link #PERIOD} indexes
 * time by an integer period number (as the M3 and Tourism competition files do).
 *
 * <p>A series position is encoded as a {@code long}: the epoch day of the period's first day for date
 * frequencies, the period number itself for {@link #PERIOD}.
 */
public enum Frequency {
    DAILY(7),
    WEEKLY(52),
    MONTHLY(12),
    QUARTERLY(4),
    YEARLY(1),
    PERIOD(1);

    private final int defaultSeason;

    Frequency(int defaultSeason) {
        this.defaultSeason = defaultSeason;
    }

    /** The usual seasonal period of this frequency (7 for daily, 52 for weekly, 12 for monthly…). */
    public int defaultSeason() {
        return defaultSeason;
    }

    /** Whether positions are dates. */
    public boolean isCalendar() {
        return this != PERIOD;
    }

    /** The position {@code steps} periods after {@code position}. */
    public long plus(long position, long steps) {
        return switch (this) {
            case DAILY -> position + steps;
            case WEEKLY -> position + 7 * steps;
            case MONTHLY -> LocalDate.ofEpochDay(position).plusMonths(steps).toEpochDay();
            case QUARTERLY -> LocalDate.ofEpochDay(position).plusMonths(3 * steps).toEpochDay();
            case YEARLY -> LocalDate.ofEpochDay(position).plusYears(steps).toEpochDay();
            case PERIOD -> position + steps;
        };
    }

    /** The number of whole periods from {@code from} to {@code to}; exact only for positions on this grid. */
    public long between(long from, long to) {
        return switch (this) {
            case DAILY, PERIOD -> to - from;
            case WEEKLY -> Math.floorDiv(to - from, 7);
            case MONTHLY -> ChronoUnit.MONTHS.between(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to));
            case QUARTERLY -> ChronoUnit.MONTHS.between(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to)) / 3;
            case YEARLY -> ChronoUnit.YEARS.between(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(to));
        };
    }

    /** Formats a position the way the exchange format writes it: ISO date or period number. */
    public String format(long position) {
        return isCalendar() ? LocalDate.ofEpochDay(position).toString() : Long.toString(position);
    }

    /** Parses a name such as {@code daily} or {@code MONTHLY}. */
    public static Frequency parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown frequency '" + name + "'; expected one of daily, weekly, "
                    + "monthly, quarterly, yearly, period", e);
        }
    }

    /**
     * Infers the frequency of sorted, distinct epoch days from the smallest gap between them: 1 day is daily,
     * 7 weekly, 28–31 monthly, 89–92 quarterly, 365–366 yearly.
     *
     * @throws IllegalArgumentException when the gaps fit no frequency
     */
    public static Frequency infer(long[] sortedEpochDays) {
        if (sortedEpochDays.length < 2) {
            return DAILY;
        }
        long min = Long.MAX_VALUE;
        for (int i = 1; i < sortedEpochDays.length; i++) {
            min = Math.min(min, sortedEpochDays[i] - sortedEpochDays[i - 1]);
        }
        if (min == 1) {
            return DAILY;
        }
        if (min == 7) {
            return WEEKLY;
        }
        if (min >= 28 && min <= 31) {
            return MONTHLY;
        }
        if (min >= 89 && min <= 92) {
            return QUARTERLY;
        }
        if (min == 365 || min == 366) {
            return YEARLY;
        }
        if (min % 7 == 0) {
            return WEEKLY;
        }
        throw new IllegalArgumentException("dates are " + min + " days apart at the closest; expected a daily, "
                + "weekly, monthly, quarterly or yearly spacing");
    }
}
