package io.trendcast.core.insight;

import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.port.StoredForecast.Trend.Direction;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The trend of one series: the forecast against recent history, judged against the series' own noise, when the
 * current trend began, and what is coming (seasonal peaks, festivals). Numbers not computed are {@code NaN}.
 *
 * @param direction       rising, falling or flat: rising or falling only when the change is significant
 * @param changePct       mean forecast over the horizon against the mean of the recent window, in percent
 * @param zScore          the change in standard errors of the recent mean (noise from the series itself)
 * @param recentMean      mean of the recent window of history
 * @param forecastMean    mean of the forecast over the horizon
 * @param slopePerPeriod  the slope of the current trend segment, in units per period
 * @param since           the first date of the current trend segment, or {@code null} when no trend is
 *                        significant
 * @param peaks           upcoming peaks of the forecast, highest first
 * @param festivals       festivals with a marked effect in the history, next one first
 */
public record TrendAnalysis(Direction direction, double changePct, double zScore, double recentMean,
                            double forecastMean, double slopePerPeriod, LocalDate since, List<SeasonalPeak> peaks,
                            List<FestivalEffect> festivals) {

    /** |z| at or above which a change is significant (two-sided 5 %). */
    public static final double SIGNIFICANT_Z = 1.96;

    public TrendAnalysis {
        Objects.requireNonNull(direction, "direction");
        peaks = List.copyOf(peaks);
        festivals = List.copyOf(festivals);
    }

    /** An analysis with only the direction and change known (what older stored forecasts carry). */
    public static TrendAnalysis of(Trend trend) {
        return new TrendAnalysis(trend.direction(), trend.changePct(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, null, List.of(), List.of());
    }

    /** Whether the change is significant against the series' noise. */
    public boolean significant() {
        return Math.abs(zScore) >= SIGNIFICANT_Z;
    }

    /** The summary stored with every forecast (FORMATS.md §4 {@code trend}). */
    public Trend summary() {
        return new Trend(direction, changePct);
    }
}
