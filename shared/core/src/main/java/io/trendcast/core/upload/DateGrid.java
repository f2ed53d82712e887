package io.trendcast.core.upload;

import io.trendcast.core.series.Frequency;

import java.time.LocalDate;

/**
 * The periods of a frequency as consecutive indices from an anchor: days for daily data, weeks starting on the
 * anchor's weekday for weekly data, calendar months, quarters or years from the anchor's period. A day maps to
 * the period holding it; a period's date is its first day.
 */
public final class DateGrid {

    private final Frequency frequency;
    private final long anchor;

    /** A grid of {@code frequency} whose period 0 holds {@code anchorDay}. */
    public DateGrid(Frequency frequency, long anchorDay) {
        if (!frequency.isCalendar()) {
            throw new IllegalArgumentException("a date grid needs a calendar frequency, got " + frequency);
        }
        this.frequency = frequency;
        this.anchor = floor(frequency, anchorDay);
    }

    private static long floor(Frequency frequency, long day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        return switch (frequency) {
            case MONTHLY -> d.withDayOfMonth(1).toEpochDay();
            case QUARTERLY -> d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).toEpochDay();
            case YEARLY -> d.withDayOfYear(1).toEpochDay();
            default -> day;
        };
    }

    /** The index of the period holding {@code day} (negative before the anchor). */
    public long period(long day) {
        return switch (frequency) {
            case DAILY -> day - anchor;
            case WEEKLY -> Math.floorDiv(day - anchor, 7);
            default -> frequency.between(anchor, floor(frequency, day));
        };
    }

    /** The first day of period {@code index}. */
    public long day(long index) {
        return frequency.plus(anchor, index);
    }
}
