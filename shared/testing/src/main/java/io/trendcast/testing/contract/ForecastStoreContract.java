package io.trendcast.testing.contract;

import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.series.Frequency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ForecastStore} must do. Sellers are random per test, so implementations may share a table. */
public abstract class ForecastStoreContract {

    private final String seller = "seller-" + UUID.randomUUID();

    /** The store under test. */
    protected abstract ForecastStore store();

    @Test
    void aForecastRoundTripsWithItsWholeHorizon() {
        StoredForecast forecast = SampleForecasts.daily(seller, SeriesKey.of("sku-1", "store 7"), 28, 40);
        store().putAll(List.of(forecast));
        assertEquals(forecast, store().get(seller, SeriesKey.of("sku-1", "store 7")).orElseThrow());
    }

    @Test
    void manyForecastsInOneBatchAreAllWritten() {
        List<StoredForecast> batch = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            batch.add(SampleForecasts.daily(seller, SeriesKey.of("sku-" + i), 14, 10 + i));
        }
        store().putAll(batch);
        for (StoredForecast f : batch) {
            assertEquals(f, store().get(seller, f.series()).orElseThrow(), f.series().encode());
        }
    }

    @Test
    void anItemWithAndWithoutStoreAreDifferentSeries() {
        StoredForecast total = SampleForecasts.daily(seller, SeriesKey.of("sku/1"), 7, 100);
        StoredForecast atStore = SampleForecasts.daily(seller, SeriesKey.of("sku/1", "s#2"), 7, 5);
        store().putAll(List.of(total, atStore));
        assertEquals(total, store().get(seller, SeriesKey.of("sku/1")).orElseThrow());
        assertEquals(atStore, store().get(seller, SeriesKey.of("sku/1", "s#2")).orElseThrow());
        assertTrue(store().get(seller, SeriesKey.of("sku/1", "s#3")).isEmpty());
        assertTrue(store().get("another-" + seller, SeriesKey.of("sku/1")).isEmpty());
    }

    @Test
    void aNewerForecastReplacesTheOlderOne() {
        SeriesKey series = SeriesKey.of("sku-9");
        store().putAll(List.of(SampleForecasts.daily(seller, series, 28, 10)));
        StoredForecast newer = SampleForecasts.daily(seller, series, 7, 20);
        store().putAll(List.of(newer));
        assertEquals(newer, store().get(seller, series).orElseThrow());
    }

    @Test
    void aForecastOfAnOlderDatasetVersionNeverReplacesANewerOne() {
        SeriesKey series = SeriesKey.of("sku-late");
        StoredForecast v3 = withRun(SampleForecasts.daily(seller, series, 7, 30), "r3-upload3");
        StoredForecast v2 = withRun(SampleForecasts.daily(seller, series, 7, 20), "r2-upload2");
        StoredForecast v3again = withRun(SampleForecasts.daily(seller, series, 7, 31), "r3-upload3");
        StoredForecast v10 = withRun(SampleForecasts.daily(seller, series, 7, 100), "r10-upload10");
        store().putAll(List.of(v3));
        store().putAll(List.of(v2));
        assertEquals(v3, store().get(seller, series).orElseThrow(), "a late shard of an older run is refused");
        store().putAll(List.of(v3again));
        assertEquals(v3again, store().get(seller, series).orElseThrow(), "the same version replaces (a retry)");
        store().putAll(List.of(v10, withRun(SampleForecasts.daily(seller, SeriesKey.of("other"), 7, 1), "r9-x")));
        assertEquals(v10, store().get(seller, series).orElseThrow(), "versions compare as numbers, not text");
        assertEquals("r9-x", store().get(seller, SeriesKey.of("other")).orElseThrow().runId(),
                "the rest of a batch is written");
    }

    @Test
    void aSelectionIsReplacedOnlyByOneAtLeastAsCompleteOfTheSameVersion() {
        SeriesKey series = SeriesKey.of("sku-selected");
        StoredForecast first = withRun(SampleForecasts.daily(seller, series, 7, 30), "r4-upload4");
        StoredForecast selected = withRun(SampleForecasts.daily(seller, series, 7, 33), "r4-upload4");
        StoredForecast fuller = withRun(SampleForecasts.daily(seller, series, 7, 35), "r4-upload4");
        store().putAll(List.of(first));
        store().putAll(List.of(selected), 2);
        assertEquals(selected, store().get(seller, series).orElseThrow(), "a selection replaces the first answer");
        store().putAll(List.of(first));
        assertEquals(selected, store().get(seller, series).orElseThrow(), "a retried first answer is refused");
        store().putAll(List.of(first), 1);
        assertEquals(selected, store().get(seller, series).orElseThrow(), "a less complete selection is refused");
        store().putAll(List.of(fuller), 2);
        assertEquals(fuller, store().get(seller, series).orElseThrow(), "an equally complete one replaces (a retry)");
        StoredForecast next = withRun(SampleForecasts.daily(seller, series, 7, 40), "r5-upload5");
        store().putAll(List.of(next));
        assertEquals(next, store().get(seller, series).orElseThrow(), "a newer version's first answer replaces it");
    }

    private static StoredForecast withRun(StoredForecast f, String runId) {
        return new StoredForecast(f.seller(), f.series(), runId, f.model(), f.frequency(), f.generatedAt(),
                f.points(), f.accuracy(), f.trend());
    }

    @Test
    void missingValuesRoundTripAsNaN() {
        Point point = new Point(LocalDate.of(2025, 1, 1), 3.5, Double.NaN, 3.5, Double.NaN, 1, 6, 0, 7.25);
        StoredForecast sparse = new StoredForecast(seller, SeriesKey.of("new-item"), "run-2", "naive",
                Frequency.WEEKLY, Instant.parse("2025-01-01T00:00:00Z"), List.of(point), Accuracy.unknown(),
                new Trend(Trend.Direction.FLAT, Double.NaN));
        store().putAll(List.of(sparse));
        assertEquals(sparse, store().get(seller, SeriesKey.of("new-item")).orElseThrow());
    }

    @Test
    void anEmptyBatchWritesNothing() {
        store().putAll(List.of());
        assertTrue(store().get(seller, SeriesKey.of("sku-1")).isEmpty());
    }
}
