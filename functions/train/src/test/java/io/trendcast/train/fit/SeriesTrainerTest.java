package io.trendcast.train.fit;

import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.select.Methods;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.train.shard.ShardFormatException;
import io.trendcast.train.shard.ShardSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesTrainerTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private final SeriesTrainer trainer = new SeriesTrainer(Methods.auto());

    private static ShardSeries weekly(String item, int days, int skipEvery) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> q = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            if (skipEvery > 0 && d % skipEvery == skipEvery - 1) {
                continue;
            }
            dates.add(START.plusDays(d));
            q.add(10 + 5 * Math.sin(2 * Math.PI * d / 7) + d * 0.05);
        }
        return new ShardSeries(SeriesKey.of(item), dates, q.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void withTimeEverySeriesGetsAuto() {
        List<TrainedSeries> out = trainer.train(List.of(weekly("a", 90, 0), weekly("b", 90, 0)), Frequency.DAILY, 7,
                14, TimeBudget.of(60_000, Duration.ZERO));
        assertEquals(2, out.size());
        for (TrainedSeries t : out) {
            assertFalse(t.isFallback(), t.fallbackReason());
            assertEquals(14, t.forecast().horizon());
            assertTrue(t.accuracy() != null && t.accuracy().mase() > 0);
            assertFalse(t.members().isEmpty());
        }
    }

    @Test
    void whenTimeRunsOutTheRemainingSeriesGetAMarkedSeasonalNaiveForecast() {
        List<ShardSeries> shard = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shard.add(weekly("item-" + i, 120, 0));
        }
        long start = System.nanoTime();
        List<TrainedSeries> out = trainer.train(shard, Frequency.DAILY, 7, 14, TimeBudget.of(1, Duration.ZERO));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(30, out.size(), "no series is lost");
        for (TrainedSeries t : out) {
            assertTrue(t.isFallback());
            assertEquals(TrainedSeries.FALLBACK_MODEL, t.model());
            assertTrue(t.fallbackReason().startsWith("time budget"), t.fallbackReason());
            assertEquals(14, t.forecast().horizon());
            assertNull(t.accuracy());
            assertEquals(List.of("SNaive[7]"), t.members());
        }
        assertTrue(millis < 2_000, "fallbacks are cheap: " + millis + " ms for 30 series");
    }

    @Test
    void missingDatesAreZerosOnTheGrid() {
        TimeSeries grid = SeriesTrainer.onGrid(weekly("a", 21, 5), Frequency.DAILY, 7);
        assertEquals(21, grid.length());
        assertTrue(Double.isNaN(grid.at(4)), "a date without a row is missing before gap filling");
        List<TrainedSeries> out = trainer.train(List.of(weekly("a", 60, 5)), Frequency.DAILY, 7, 7,
                TimeBudget.of(60_000, Duration.ZERO));
        assertEquals(0.0, out.get(0).history().at(4), "ZERO policy: no row means no sale");
    }

    @Test
    void aDateOffTheGridIsAFormatError() {
        ShardSeries s = new ShardSeries(SeriesKey.of("a"), List.of(START, START.plusDays(10)), new double[] {1, 2});
        assertThrows(ShardFormatException.class, () -> SeriesTrainer.onGrid(s, Frequency.WEEKLY, 52));
    }
}
