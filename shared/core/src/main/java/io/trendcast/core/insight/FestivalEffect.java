package io.trendcast.core.insight;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a shopping festival or holiday moved a series' sales in its history, and when it comes next.
 *
 * @param name        the festival, e.g. {@code Black Friday}
 * @param nextDate    its next date after the history
 * @param liftPct     the mean change of sales on the festival against the local level, in percent
 * @param occurrences how many times it was seen in the history
 */
public record FestivalEffect(String name, LocalDate nextDate, double liftPct, int occurrences) {

    public FestivalEffect {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nextDate, "nextDate");
    }
}
