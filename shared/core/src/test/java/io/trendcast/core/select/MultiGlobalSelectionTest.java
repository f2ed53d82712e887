package io.trendcast.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiGlobalSelectionTest {

    private static final List<String> NAMES = List.of("global", "deepar");

    private static Forecast flat(String model, double v) {
        return Forecast.normal(model, new double[] {v, v}, new double[] {1, 1}, 80);
    }

    /** A series whose backtest window is {10, 10}; each candidate's backtest misses by the given amount. */
    private static MultiGlobalSelection.Candidates series(String id, double localMiss, double globalMiss,
                                                          double deepMiss) {
        return new MultiGlobalSelection.Candidates(id, NAMES, flat("ets", 1),
                List.of(flat("global(xgboost)", 2), flat("deepar(2x40)", 3)),
                List.of(new double[] {10 + globalMiss, 10 + globalMiss}, new double[] {10 + deepMiss, 10 + deepMiss}),
                new double[] {10 + localMiss, 10 + localMiss}, new double[] {10, 10}, 10);
    }

    @Test
    void theGroupDefaultIsTheModelWithTheLowestSummedBacktestError() {
        List<MultiGlobalSelection.Candidates> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            all.add(series("s" + i, 3, 2, 1));
        }
        Map<String, Forecast> chosen = MultiGlobalSelection.choose(all);
        chosen.values().forEach(f -> assertEquals("deepar(2x40)", f.model()));
    }

    @Test
    void theMeanOfTheGlobalModelsCanBeTheGroupDefault() {
        List<MultiGlobalSelection.Candidates> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            all.add(series("s" + i, 3, 2, -2));   // the trees miss high, DeepAR as much low: their mean is exact
        }
        all.add(series("deep", 3, 2, 0.1));       // DeepAR alone clearly better here
        Map<String, Forecast> chosen = MultiGlobalSelection.choose(all);
        assertEquals("mean(global,deepar)", chosen.get("s0").model());
        assertEquals(2.5, chosen.get("s0").mean()[0], 1e-12);
        assertEquals("deepar(2x40)", chosen.get("deep").model());
    }

    @Test
    void aLocalGroupKeepsEveryLocalChoice() {
        List<MultiGlobalSelection.Candidates> all = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            all.add(series("s" + i, 1, 3, 2));
        }
        all.add(series("lucky", 5, 0.1, 0.1));
        MultiGlobalSelection.choose(all).values().forEach(f -> assertEquals("ets", f.model()));
    }

    @Test
    void aSeriesSwitchesOnlyForAClearlyBetterCandidateIncludingTheMeans() {
        List<MultiGlobalSelection.Candidates> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(series("s" + i, 3, 2, 1));
        }
        all.add(series("slightly", 0.9, 3, 1));   // local 10% better than deepar: stays deepar
        all.add(series("trees", 3, 0.2, 1));      // the other global model 80% better: switches to it
        all.add(series("opposite", 3, -1, 1));    // global and deepar miss on opposite sides: their mean is exact
        Map<String, Forecast> chosen = MultiGlobalSelection.choose(all);
        assertEquals("deepar(2x40)", chosen.get("s0").model());
        assertEquals("deepar(2x40)", chosen.get("slightly").model());
        assertEquals("global(xgboost)", chosen.get("trees").model());
        assertEquals("mean(global,deepar)", chosen.get("opposite").model());
        assertEquals(2.5, chosen.get("opposite").mean()[0], 1e-12);
    }

    @Test
    void withOneGlobalModelItChoosesAsGlobalSelection() {
        double[][] misses = {{3, 1}, {3, 1}, {3, 1}, {0.9, 1}, {0.2, 1}, {-2, 2}, {1, 3}};
        List<GlobalSelection.Candidates> one = new ArrayList<>();
        List<MultiGlobalSelection.Candidates> multi = new ArrayList<>();
        for (int i = 0; i < misses.length; i++) {
            double l = misses[i][0];
            double g = misses[i][1];
            one.add(new GlobalSelection.Candidates("s" + i, flat("ets", 1), flat("global", 2),
                    new double[] {10 + l, 10 + l}, new double[] {10 + g, 10 + g}, new double[] {10, 10}, 10));
            multi.add(new MultiGlobalSelection.Candidates("s" + i, List.of("global"), flat("ets", 1),
                    List.of(flat("global", 2)), List.<double[]>of(new double[] {10 + g, 10 + g}),
                    new double[] {10 + l, 10 + l}, new double[] {10, 10}, 10));
        }
        Map<String, Forecast> a = GlobalSelection.choose(one);
        Map<String, Forecast> b = MultiGlobalSelection.choose(multi);
        for (String id : a.keySet()) {
            assertEquals(a.get(id).model(), b.get(id).model(), id);
            assertEquals(a.get(id).mean()[0], b.get(id).mean()[0], 1e-12, id);
        }
    }

    @Test
    void seriesWithoutEveryGlobalForecastKeepTheLocalChoice() {
        var none = new MultiGlobalSelection.Candidates("x", NAMES, flat("theta", 4), null, null, null, null, 1);
        Map<String, Forecast> chosen = MultiGlobalSelection.choose(List.of(none, series("a", 3, 2, 1)));
        assertEquals("theta", chosen.get("x").model());
        assertEquals("deepar(2x40)", chosen.get("a").model());
    }
}
