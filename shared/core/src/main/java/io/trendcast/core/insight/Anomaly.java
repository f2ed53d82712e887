package io.trendcast.core.insight;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One anomaly in a series' history, with the rule that found it.
 *
 * @param date     the first date of the anomaly (for a level shift: the first date at the new level)
 * @param endDate  the last date (equal to {@code date} for a single point)
 * @param kind     what was found
 * @param value    the observed value (for a run: the mean over the run; for a level shift: the new level)
 * @param expected what was expected there (the local level; for a level shift: the old level)
 * @param score    how far from expected, in robust standard deviations of the series' own noise (absolute)
 * @param rule     the rule that fired, in words, with its threshold
 */
public record Anomaly(LocalDate date, LocalDate endDate, Kind kind, double value, double expected, double score,
                      String rule) {

    public Anomaly {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        if (endDate.isBefore(date)) {
            throw new IllegalArgumentException("anomaly ends " + endDate + " before it starts " + date);
        }
    }

    /** The kinds of anomaly, written in lower case in the API. */
    public enum Kind {
        /** One value far above the local level. */
        SPIKE,
        /** One value far below the local level, not zero. */
        DROP,
        /** A run of zeros where the local level makes zero sales improbable: likely out of stock. */
        STOCKOUT,
        /** The level moved and stayed. */
        LEVEL_SHIFT;

        /** The API name, e.g. {@code level_shift}. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
