package io.trendcast.core.insight;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An upcoming peak of the forecast: a date whose forecast mean stands well above the rest of the horizon.
 *
 * @param date    the forecast date
 * @param mean    the forecast mean there
 * @param liftPct how far above the median forecast of the horizon, in percent
 */
public record SeasonalPeak(LocalDate date, double mean, double liftPct) {

    public SeasonalPeak {
        Objects.requireNonNull(date, "date");
    }
}
