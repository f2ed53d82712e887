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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        List<TrainedSeries> out = trainer.train(shard, Frequency.DAILY, 7, 14, TimeBudget.of(1, Duration.ZERO));
        assertEquals(30, out.size(), "no series is lost");
        for (TrainedSeries t : out) {
            assertTrue(t.isFallback());
            assertEquals(TrainedSeries.FALLBACK_MODEL, t.model());
            assertTrue(t.fallbackReason().startsWith("time budget"), t.fallbackReason());
            assertEquals(14, t.forecast().horizon());
            assertNull(t.accuracy());
            assertEquals(List.of("SNaive[7]"), t.members());
        }
    }

    @Test
    void severalThreadsGiveTheSingleThreadResultsInShardOrder() {
        List<ShardSeries> shard = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            shard.add(weekly("item-" + i, 70 + 7 * i, i % 3 == 0 ? 0 : 4 + i));
        }
        TimeBudget plenty = TimeBudget.of(600_000, Duration.ZERO);
        List<TrainedSeries> one = trainer.train(shard, Frequency.DAILY, 7, 14, plenty);
        List<TrainedSeries> three = new SeriesTrainer(Methods.auto(), 3).train(shard, Frequency.DAILY, 7, 14, plenty);
        assertEquals(9, three.size());
        for (int i = 0; i < 9; i++) {
            assertEquals(shard.get(i).key(), three.get(i).key(), "shard order is kept");
            assertEquals(one.get(i).model(), three.get(i).model());
            assertEquals(one.get(i).inputSha256(), three.get(i).inputSha256());
            assertArrayEquals(one.get(i).forecast().mean(), three.get(i).forecast().mean(), 0.0);
            assertArrayEquals(one.get(i).forecast().upper()[1], three.get(i).forecast().upper()[1], 0.0);
        }
    }

    @Test
    void aMalformedSeriesFailsTheShardWhateverTheThreads() {
        List<ShardSeries> shard = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<LocalDate> weeks = new ArrayList<>();
            double[] q = new double[30];
            for (int w = 0; w < 30; w++) {
                weeks.add(START.plusWeeks(w));
                q[w] = 20 + w % 4;
            }
            shard.add(new ShardSeries(SeriesKey.of("item-" + i), weeks, q));
        }
        shard.set(4, new ShardSeries(SeriesKey.of("odd"), List.of(START, START.plusDays(3)), new double[] {1, 2}));
        ShardFormatException e = assertThrows(ShardFormatException.class, () -> new SeriesTrainer(Methods.auto(), 4)
                .train(shard, Frequency.WEEKLY, 52, 4, TimeBudget.of(600_000, Duration.ZERO)));
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeriesTrainer(Methods.auto(), 0));
    }

    @Test
    void missingDatesAreZerosOnTheGrid() {
        TimeSeries grid = Preparation.onGrid(weekly("a", 21, 5), Frequency.DAILY, 7);
        assertEquals(21, grid.length());
        assertTrue(Double.isNaN(grid.at(4)), "a date without a row is missing before gap filling");
        List<TrainedSeries> out = trainer.train(List.of(weekly("a", 60, 5)), Frequency.DAILY, 7, 7,
                TimeBudget.of(60_000, Duration.ZERO));
        assertEquals(0.0, out.get(0).history().at(4), "ZERO policy: no row means no sale");
    }

    @Test
    void aDateOffTheGridIsAFormatError() {
        ShardSeries s = new ShardSeries(SeriesKey.of("a"), List.of(START, START.plusDays(10)), new double[] {1, 2});
        assertThrows(ShardFormatException.class, () -> Preparation.onGrid(s, Frequency.WEEKLY, 52));
    }

    /** A series whose last rows carry no numbers (it stopped before the dataset's last day), as ingest writes it. */
    private static ShardSeries endingEarly(String item, int days, int observed) {
        List<LocalDate> dates = new ArrayList<>();
        double[] q = new double[days];
        for (int d = 0; d < days; d++) {
            dates.add(START.plusDays(d));
            q[d] = d < observed ? 50 + 7 * (d % 7) : Double.NaN;
        }
        return new ShardSeries(SeriesKey.of(item), dates, q);
    }

    @Test
    void aSeriesEndingBeforeTheDatasetGetsFiniteForecasts() {
        for (int[] shape : new int[][] {{100, 80}, {120, 80}, {120, 100}, {100, 20}, {60, 59}, {30, 2}}) {
            List<TrainedSeries> out = trainer.train(List.of(endingEarly("stopped", shape[0], shape[1])),
                    Frequency.DAILY, 7, 28, TimeBudget.of(60_000, Duration.ZERO));
            for (double v : out.get(0).forecast().mean()) {
                assertTrue(Double.isFinite(v), java.util.Arrays.toString(shape) + ": " + out.get(0).model() + " "
                        + java.util.Arrays.toString(out.get(0).forecast().mean()));
            }
        }
    }
}
