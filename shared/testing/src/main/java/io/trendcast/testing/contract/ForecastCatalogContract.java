package io.trendcast.testing.contract;

import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.insight.FestivalEffect;
import io.trendcast.core.insight.RecentHistory;
import io.trendcast.core.insight.SeasonalPeak;
import io.trendcast.core.insight.SeriesInsights;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
import io.trendcast.core.series.Frequency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every store that is both a {@link ForecastStore} and a {@link ForecastCatalog} must do: keep a forecast's
 * insights (trend analysis, anomalies, history with gaps, stock level) and list a seller's summaries. Sellers are
 * random per test.
 */
public abstract class ForecastCatalogContract {

    private final String seller = "seller-" + UUID.randomUUID();

    /** The store under test. */
    protected abstract ForecastStore store();

    /** The same store as a catalog. */
    protected abstract ForecastCatalog catalog();

    /** A daily forecast of {@code series} with every kind of insight filled in. */
    public static StoredForecast withInsights(String seller, SeriesKey series, double changePct) {
        StoredForecast base = SampleForecasts.daily(seller, series, 14, 30);
        Direction d = changePct > 0 ? Direction.RISING : changePct < 0 ? Direction.FALLING : Direction.FLAT;
        LocalDate start = base.points().get(0).date();
        TrendAnalysis trend = new TrendAnalysis(d, changePct, 3.5, 28, 30, 0.25, start.minusDays(40),
                List.of(new SeasonalPeak(start.plusDays(5), 44, 46.7)),
                List.of(new FestivalEffect("Black Friday", LocalDate.of(2025, 11, 28), 150, 2)));
        double[] history = new double[50];
        for (int t = 0; t < history.length; t++) {
            history[t] = t == 7 ? Double.NaN : 25 + t % 4;
        }
        List<Anomaly> anomalies = List.of(
                new Anomaly(start.minusDays(30), start.minusDays(26), Anomaly.Kind.STOCKOUT, 0, 27, 9.5,
                        "stockout: 5 zero period(s)"),
                new Anomaly(start.minusDays(10), start.minusDays(10), Anomaly.Kind.SPIKE, 80, 27.5, 21,
                        "spike: 21 σ"));
        SeriesInsights insights = new SeriesInsights(trend, anomalies,
                new RecentHistory(start.minusDays(50), Frequency.DAILY, history), 17.5, start.minusDays(1));
        return new StoredForecast(base.seller(), base.series(), base.runId(), base.model(), base.frequency(),
                base.generatedAt(), base.points(), base.accuracy(), trend.summary(), insights);
    }

    @Test
    void insightsRoundTripWithTheForecast() {
        StoredForecast f = withInsights(seller, SeriesKey.of("sku-1", "north"), 12.5);
        store().putAll(List.of(f));
        assertEquals(f, store().get(seller, f.series()).orElseThrow());
    }

    @Test
    void aForecastWithoutInsightsReadsBackWithItsTrendOnly() {
        StoredForecast plain = SampleForecasts.daily(seller, SeriesKey.of("plain"), 7, 10);
        store().putAll(List.of(plain));
        StoredForecast read = store().get(seller, plain.series()).orElseThrow();
        assertEquals(plain.trend(), read.insights().trend().summary());
        assertEquals(0, read.insights().history().length());
        assertEquals(List.of(), read.insights().anomalies());
    }

    @Test
    void summariesListEverySeriesOfTheSellerInKeyOrderAndNoOther() {
        List<StoredForecast> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(withInsights(seller, SeriesKey.of("sku-" + i, i % 2 == 0 ? "north" : null), i - 20));
        }
        store().putAll(batch);
        store().putAll(List.of(withInsights("other-" + seller, SeriesKey.of("sku-1"), 5)));
        List<ForecastSummary> expected = batch.stream().sorted(Comparator.comparing(f -> f.series().encode()))
                .map(ForecastSummary::of).toList();
        assertEquals(expected, catalog().summaries(seller));
        assertEquals(List.of(), catalog().summaries("nobody-" + seller));
    }
}
