package io.trendcast.api.trend;

import io.trendcast.core.insight.FestivalEffect;
import io.trendcast.core.insight.SeasonalPeak;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.ForecastSummary;

import java.util.List;
import java.util.Locale;

/**
 * The trends JSON: {@code {seller, direction, count, total, items:[…]}}, items ranked by {@code changePct} (highest
 * first; for {@code direction=falling} lowest first). Numbers not computed are {@code null}.
 *
 * @param seller    the seller
 * @param direction the filter applied: {@code rising}, {@code falling} or {@code all}
 * @param count     the number of items returned
 * @param total     the number of the seller's series that match the filter
 * @param items     the ranked items
 */
public record TrendsResponse(String seller, String direction, int count, int total, List<Item> items) {

    /**
     * One series' trend.
     *
     * @param item           the item
     * @param store          the store, or {@code null}
     * @param rank           1 for the first
     * @param direction      {@code rising}, {@code falling} or {@code flat}
     * @param changePct      forecast mean against recent mean, in percent
     * @param zScore         the change in standard errors of the series' own noise
     * @param significant    whether {@code |zScore| ≥ 1.96}
     * @param recentMean     mean of the recent history window
     * @param forecastMean   mean of the forecast
     * @param slopePerPeriod slope of the current trend segment
     * @param since          first date of the current trend segment, or {@code null}
     * @param model          the forecasting model
     * @param mase           backtest MASE
     * @param peaks          upcoming peaks
     * @param festivals      festival effects
     * @param runId          the training run
     */
    public record Item(String item, String store, int rank, String direction, Double changePct, Double zScore,
                       boolean significant, Double recentMean, Double forecastMean, Double slopePerPeriod,
                       String since, String model, Double mase, List<Peak> peaks, List<Festival> festivals,
                       String runId) {
    }

    /** An upcoming forecast peak. */
    public record Peak(String date, Double mean, Double liftPct) {
    }

    /** A festival's effect and next date. */
    public record Festival(String name, String nextDate, Double liftPct, int occurrences) {
    }

    static Item item(ForecastSummary s, int rank) {
        TrendAnalysis t = s.trend();
        List<Peak> peaks = t.peaks().stream().map(TrendsResponse::peak).toList();
        List<Festival> festivals = t.festivals().stream().map(TrendsResponse::festival).toList();
        return new Item(s.series().item(), s.series().store(), rank, t.direction().name().toLowerCase(Locale.ROOT),
                n(t.changePct()), n(t.zScore()), t.significant(), n(t.recentMean()), n(t.forecastMean()),
                n(t.slopePerPeriod()), t.since() == null ? null : t.since().toString(), s.model(),
                s.accuracy() == null ? null : n(s.accuracy().mase()), peaks, festivals, s.runId());
    }

    private static Peak peak(SeasonalPeak p) {
        return new Peak(p.date().toString(), n(p.mean()), n(p.liftPct()));
    }

    private static Festival festival(FestivalEffect f) {
        return new Festival(f.name(), f.nextDate().toString(), n(f.liftPct()), f.occurrences());
    }

    static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
