package io.trendcast.core.candidate;

import io.trendcast.core.select.GlobalSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateSelectionTest {

    private static final double[] LEVELS = {80, 95};
    private static final double[] ACTUAL = {10, 12, 10, 12};

    /** A candidate forecasting {@code level} flat, whose backtest missed every observation by {@code miss}. */
    private static SeriesCandidate candidate(String id, String model, double level, double miss) {
        double[] mean = {level, level, level, level};
        double[][] lo = {minus(mean, 2), minus(mean, 4)};
        double[][] hi = {minus(mean, -2), minus(mean, -4)};
        return new SeriesCandidate(id, model, mean, lo, hi, minus(ACTUAL, miss), ACTUAL, 11, 2, 1.5, 20);
    }

    private static double[] minus(double[] a, double d) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= d;
        }
        return out;
    }

    private static CandidateResults results(String source, List<SeriesCandidate> series) {
        return CandidateResults.of(source, "s1", "r3-up", 3, "0001", 4, LEVELS, source, series);
    }

    @Test
    void theGlobalModelServesTheShardWhenItsSummedBacktestErrorIsLower() {
        List<SeriesCandidate> local = new ArrayList<>();
        List<SeriesCandidate> global = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            local.add(candidate("sku-" + i, "ets", 10, 3));
            global.add(candidate("sku-" + i, "global(xgboost, recursive)", 11, i == 4 ? 6 : 1));
        }
        CandidateSelection.Selection s = CandidateSelection.select(results("local", local),
                List.of(results("tribuo", global)));
        assertEquals("tribuo", s.winner());
        assertEquals(2, s.completeness());
        assertEquals(5 * 3 / 11.0, s.groupErrors().get("local"), 1e-12);
        assertEquals((4 * 1 + 6) / 11.0, s.groupErrors().get("tribuo"), 1e-12);
        for (int i = 0; i < 4; i++) {
            CandidateSelection.Choice c = s.choices().get(i);
            assertEquals("tribuo", c.source());
            assertEquals("global(xgboost, recursive)", c.forecast().model());
            assertEquals(11, c.forecast().mean()[0]);
            assertEquals(100.0 * 4 / 44, c.wape(), 1e-12, "WAPE of the global backtest window");
            assertEquals(1 / 2.0, c.mase(), 1e-12, "window MAE over the seasonal-naive scale");
        }
        CandidateSelection.Choice worse = s.choices().get(4);
        assertEquals("local", worse.source(), "a series whose local backtest is 20% better leaves the global model");
        assertEquals("local ets", worse.forecast().model());
        assertEquals(1.5, worse.mase(), "the local choice keeps its own backtest accuracy");
    }

    @Test
    void everySeriesKeepsItsLocalForecastWhenTheGlobalModelLosesOverTheShard() {
        List<SeriesCandidate> local = List.of(candidate("a", "theta", 10, 1), candidate("b", "theta", 10, 1));
        List<SeriesCandidate> global = List.of(candidate("a", "global", 12, 0.5), candidate("b", "global", 12, 4));
        CandidateSelection.Selection s = CandidateSelection.select(results("local", local),
                List.of(results("tribuo", global)));
        assertNull(s.winner());
        assertEquals(2, s.completeness());
        assertEquals(2 / 11.0, s.groupErrors().get("local"), 1e-12, "what the global model lost against");
        assertEquals(4.5 / 11.0, s.groupErrors().get("tribuo"), 1e-12);
        for (CandidateSelection.Choice c : s.choices()) {
            assertEquals("local", c.source());
            assertEquals("theta", c.forecast().model(), "unchanged, no 'local' prefix");
            assertEquals(10, c.forecast().mean()[0]);
        }
    }

    @Test
    void theBestOfSeveralGlobalModelsCompetesAndEachCountsTowardsCompleteness() {
        List<SeriesCandidate> local = List.of(candidate("a", "ets", 10, 3), candidate("b", "ets", 10, 3));
        List<SeriesCandidate> tribuo = List.of(candidate("a", "tribuo", 11, 2), candidate("b", "tribuo", 11, 2));
        List<SeriesCandidate> deepar = List.of(candidate("a", "deepar", 9, 0.2), candidate("b", "deepar", 9, 0.2));
        CandidateSelection.Selection s = CandidateSelection.select(results("local", local),
                List.of(results("tribuo", tribuo), results("deepar", deepar)));
        assertEquals("deepar", s.winner());
        assertEquals(3, s.completeness());
        assertEquals("deepar", s.choices().get(0).forecast().model());
    }

    @Test
    void theMeanOfSeveralGlobalModelsCompetesAsOneMoreSource() {
        List<SeriesCandidate> local = new ArrayList<>();
        List<SeriesCandidate> tribuo = new ArrayList<>();
        List<SeriesCandidate> deepar = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            local.add(candidate("sku-" + i, "ets", 10, 3));
            tribuo.add(candidate("sku-" + i, "tribuo", 11, 2));     // misses high by 2
            deepar.add(candidate("sku-" + i, "deepar", 9, -2));     // as much low: their mean is exact
        }
        deepar.remove(2);                                           // DeepAR left one series out
        CandidateSelection.Selection s = CandidateSelection.select(results("local", local),
                List.of(results("tribuo", tribuo), results("deepar", deepar)));
        assertEquals("tribuo+deepar", s.winner());
        assertEquals(3, s.completeness(), "the mean is not a source of its own");
        assertEquals(0, s.groupErrors().get("tribuo+deepar"), 1e-12);
        for (int i = 0; i < 2; i++) {
            CandidateSelection.Choice c = s.choices().get(i);
            assertEquals("tribuo+deepar", c.source());
            assertEquals("mean(tribuo,deepar)", c.forecast().model());
            assertEquals(10, c.forecast().mean()[0], 1e-12);
            assertEquals(8, c.forecast().lower()[0][0], 1e-12, "8 backtest points: bounds averaged, not narrowed");
            assertEquals(0, c.wape(), 1e-12);
        }
        assertEquals("tribuo", s.choices().get(2).source(), "a series DeepAR left out takes the best single source");
        assertEquals(11, s.choices().get(2).forecast().mean()[0], 1e-12);
    }

    @Test
    void theMeanOfLocalAndGlobalIsServedWhenItsWindowIsClearlyBest() {
        SeriesCandidate l = new SeriesCandidate("a", "ets", new double[] {8, 8, 8, 8},
                new double[][] {{6, 6, 6, 6}, {4, 4, 4, 4}}, new double[][] {{10, 10, 10, 10}, {12, 12, 12, 12}},
                new double[] {8, 10, 8, 10}, ACTUAL, 11, 2, 1, 18);
        SeriesCandidate g = new SeriesCandidate("a", "global", new double[] {12, 12, 12, 12},
                new double[][] {{10, 10, 10, 10}, {8, 8, 8, 8}}, new double[][] {{14, 14, 14, 14}, {16, 16, 16, 16}},
                new double[] {11.5, 13.5, 11.5, 13.5}, ACTUAL, 11, 2, Double.NaN, Double.NaN);
        CandidateSelection.Selection s = CandidateSelection.select(results("local", List.of(l)),
                List.of(results("tribuo", List.of(g))));
        CandidateSelection.Choice c = s.choices().get(0);
        assertEquals(GlobalSelection.COMBINED, c.forecast().model());
        assertEquals("local+tribuo", c.source());
        assertEquals(10, c.forecast().mean()[0], 1e-12);
        assertEquals(100.0 * 1 / 44, c.wape(), 1e-12, "mean backtest misses by 0.25 each period");
        CandidateSelection.Choice deepar = CandidateSelection.select(results("local", List.of(l)),
                List.of(results("deepar", List.of(g)))).choices().get(0);
        assertEquals("local+deepar", deepar.source());
        assertEquals("mean(auto,deepar)", deepar.forecast().model(), "the served name says which source");
    }

    @Test
    void aSeriesWithoutAGlobalBacktestKeepsItsLocalForecast() {
        SeriesCandidate shortGlobal = new SeriesCandidate("b", "global", new double[] {1, 1, 1, 1},
                new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}}, new double[][] {{2, 2, 2, 2}, {2, 2, 2, 2}},
                new double[0], new double[0], 1, 1, Double.NaN, Double.NaN);
        CandidateSelection.Selection s = CandidateSelection.select(
                results("local", List.of(candidate("a", "ets", 10, 3), candidate("b", "ets", 10, 3))),
                List.of(results("tribuo", List.of(candidate("a", "global", 11, 1), shortGlobal))));
        assertEquals("tribuo", s.winner());
        assertEquals("tribuo", s.choices().get(0).source());
        assertEquals("local", s.choices().get(1).source());
        assertEquals("ets", s.choices().get(1).forecast().model());
    }

    @Test
    void resultsOfAnotherShardOrHorizonAreRefused() {
        CandidateResults local = results("local", List.of(candidate("a", "ets", 10, 3)));
        CandidateResults other = CandidateResults.of("tribuo", "s1", "r3-up", 3, "0002", 4, LEVELS, "",
                List.of(candidate("a", "global", 11, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CandidateSelection.select(local, List.of(other)));
        assertTrue(e.getMessage().contains("part 0002"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CandidateSelection.select(other, List.of(local)));
    }

    @Test
    void invalidResultsAreRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> CandidateResults.of("Tribuo!", "s1", "r", 1, "0001", 4,
                LEVELS, "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> CandidateResults.of("tribuo", "s1", "r", 1, "0001", 3,
                LEVELS, "", List.of(candidate("a", "g", 1, 1))), "horizon 3 but 4 steps");
        assertThrows(IllegalArgumentException.class, () -> CandidateResults.of("tribuo", "s1", "r", 1, "0001", 4,
                LEVELS, "", List.of(candidate("a", "g", 1, 1), candidate("a", "g", 1, 1))), "duplicate series");
        assertThrows(IllegalArgumentException.class, () -> new CandidateResults(2, "tribuo", "s1", "r", 1, "0001",
                4, LEVELS, "", List.of()), "unknown format");
        assertThrows(IllegalArgumentException.class, () -> new SeriesCandidate("a", "g", new double[] {1},
                new double[0][], new double[0][], new double[] {1, 2}, new double[] {1}, 1, 1, 1, 1));
    }

    @Test
    void keysFollowTheDocumentedLayout() {
        assertEquals("features/s1/r3-up/global/tribuo.json", CandidateKeys.trigger("s1", "r3-up", "tribuo"));
        assertEquals("models/s1/r3-up/local/part-0001.json", CandidateKeys.results("s1", "r3-up", "local", "0001"));
        assertEquals("models/s1/r3-up/global/deepar/part-0001.json",
                CandidateKeys.results("s1", "r3-up", "deepar", "0001"));
    }

    @Test
    void aRunWideDecisionServesTheSourceTheRunPrefersWhereTheShardAloneWouldKeepItsLocalModels() {
        List<SeriesCandidate> local = new ArrayList<>();
        List<SeriesCandidate> global = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            local.add(candidate("sku-" + i, "ets", 10, 1));
            global.add(candidate("sku-" + i, "global(xgboost, recursive)", 11, 1.1));
        }
        CandidateResults l = results("local", local);
        List<CandidateResults> g = List.of(results("tribuo", global));
        CandidateSelection.Selection own = CandidateSelection.select(l, g);
        assertNull(own.winner(), "on this shard alone the global model is 10 % worse");
        assertFalse(own.runWide());
        double[] mine = CandidateSelection.groupErrors(l, g).get("tribuo");
        assertArrayEquals(new double[] {5 * 1 / 11.0, 5 * 1.1 / 11.0}, mine, 1e-12);
        Map<String, double[]> run = Map.of("tribuo", new double[] {mine[0] + 20, mine[1] + 5});
        CandidateSelection.Selection wide = CandidateSelection.select(l, g, run);
        assertEquals("tribuo", wide.winner());
        assertTrue(wide.runWide());
        assertEquals(mine[1] + 5, wide.groupErrors().get("tribuo"), 1e-12, "the sums that decided");
        for (CandidateSelection.Choice c : wide.choices()) {
            assertEquals("tribuo", c.source(), "within 20 % of local: the group's default stays");
            assertEquals(11, c.forecast().mean()[0]);
        }
        assertEquals(List.of(4, 5, 6, 7), List.of(own.rank(), wide.rank(), CandidateSelection.Selection.rank(3, false),
                CandidateSelection.Selection.rank(3, true)), "more sources first, then run-wide");
        Map<String, double[]> runPrefersLocal = Map.of("tribuo", new double[] {10, 12});
        assertNull(CandidateSelection.select(l, g, runPrefersLocal).winner());
    }
}
