package io.trendcast.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalSelectionTest {

    private static Forecast flat(String model, double v) {
        return Forecast.normal(model, new double[] {v, v}, new double[] {1, 1}, 80);
    }

    /** A series whose backtest window is {10, 10}; local and global backtests miss by the given amounts. */
    private static GlobalSelection.Candidates series(String id, double localMiss, double globalMiss) {
        return new GlobalSelection.Candidates(id, flat("ets", 1), flat("global(xgboost, recursive)", 2),
                new double[] {10 + localMiss, 10 + localMiss}, new double[] {10 + globalMiss, 10 + globalMiss},
                new double[] {10, 10}, 10);
    }

    @Test
    void aGroupWhereTheGlobalModelLosesKeepsEveryLocalChoice() {
        List<GlobalSelection.Candidates> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            all.add(series("s" + i, 1, 3));
        }
        all.add(series("lucky", 5, 0.1));
        Map<String, Forecast> chosen = GlobalSelection.choose(all);
        assertEquals(10, chosen.size());
        chosen.values().forEach(f -> assertEquals("ets", f.model()));
    }

    @Test
    void inAGlobalGroupASeriesSwitchesOnlyForAClearlyBetterCandidate() {
        List<GlobalSelection.Candidates> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(series("s" + i, 3, 1));
        }
        all.add(series("slightly", 0.9, 1));   // local 10% better: not enough, stays global
        all.add(series("clearly", 0.2, 1));     // local 80% better and better than the mean: local
        all.add(series("opposite", -2, 2));    // local and global miss on opposite sides: the mean is exact
        Map<String, Forecast> chosen = GlobalSelection.choose(all);
        assertEquals("global(xgboost, recursive)", chosen.get("s0").model());
        assertEquals("global(xgboost, recursive)", chosen.get("slightly").model());
        assertEquals("local ets", chosen.get("clearly").model());
        assertEquals(GlobalSelection.COMBINED, chosen.get("opposite").model());
        assertEquals(1.5, chosen.get("opposite").mean()[0], 1e-12);
    }

    @Test
    void seriesWithoutAGlobalForecastKeepTheLocalChoice() {
        GlobalSelection.Candidates none = new GlobalSelection.Candidates("x", flat("theta", 4), null, null, null, null,
                1);
        Map<String, Forecast> chosen = GlobalSelection.choose(List.of(none, series("a", 3, 1)));
        assertEquals("theta", chosen.get("x").model());
        assertTrue(chosen.get("a").model().startsWith("global"));
    }
}
