package io.trendcast.testing.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.select.Methods;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.testing.SyntheticSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract every registered method honours, over a grid of series shapes (constant, short, trending,
 * seasonal additive and multiplicative, intermittent, random walk, negative values) and horizons: it either
 * fits or throws {@link ModelException}; a forecast has the horizon's length, no NaN, and nested intervals
 * {@code lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95}; fitting twice gives the same numbers; any level in (0, 100) works.
 */
class ForecasterContractTest {

    static List<TimeSeries> grid() {
        List<TimeSeries> g = new ArrayList<>();
        g.add(SyntheticSeries.constant("constant", 40, 5));
        g.add(SyntheticSeries.constant("zeros", 30, 0));
        g.add(TimeSeries.of("one", 1, 7));
        g.add(TimeSeries.of("three", 4, 1, 2, 3));
        g.add(SyntheticSeries.trend("trend", 60, 100, 2, 5, 1));
        g.add(SyntheticSeries.trend("negative", 50, -20, -0.5, 3, 2));
        g.add(SyntheticSeries.seasonal("additive12", 96, 12, 200, 1, 0.3, false, 8, 3));
        g.add(SyntheticSeries.seasonal("multiplicative12", 120, 12, 100, 1.5, 0.4, true, 3, 4));
        g.add(SyntheticSeries.seasonal("quarterly", 40, 4, 50, 0.2, 0.2, true, 2, 5));
        g.add(SyntheticSeries.seasonal("weekly52", 160, 52, 1000, 0, 0.2, false, 40, 6));
        g.add(SyntheticSeries.seasonal("short-seasonal", 14, 12, 100, 0, 0.3, false, 5, 7));
        g.add(SyntheticSeries.intermittent("intermittent", 100, 0.2, 3, 8));
        g.add(SyntheticSeries.randomWalk("walk", 80, 50, 0.3, 2, 9));
        return g;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String method : Methods.names()) {
            for (TimeSeries s : grid()) {
                out.add(Arguments.of(method, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void forecastsAreFiniteNestedAndRepeatable(String method, TimeSeries series) {
        Forecaster f = Methods.byName(method);
        int h = Math.max(6, series.season());
        FittedModel fitted;
        try {
            fitted = f.fit(series, h);
        } catch (ModelException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal explains itself");
            return;
        }
        Forecast fc = fitted.forecast(h, 80, 95);
        assertEquals(h, fc.horizon());
        assertArrayEquals(new double[] {80, 95}, fc.levels());
        assertFalse(fitted.description().isBlank());
        for (int t = 0; t < h; t++) {
            double lo95 = fc.lower()[1][t];
            double lo80 = fc.lower()[0][t];
            double mean = fc.mean()[t];
            double hi80 = fc.upper()[0][t];
            double hi95 = fc.upper()[1][t];
            String at = method + " step " + (t + 1) + ": " + lo95 + " " + lo80 + " " + mean + " " + hi80 + " " + hi95;
            assertTrue(Double.isFinite(lo95) && Double.isFinite(hi95) && Double.isFinite(mean), at);
            assertTrue(lo95 <= lo80 + 1e-9 * Math.abs(lo80) && lo80 <= mean + 1e-9 * Math.abs(mean)
                    && mean <= hi80 + 1e-9 * Math.abs(hi80) && hi80 <= hi95 + 1e-9 * Math.abs(hi95), at);
        }
        Forecast again = f.fit(series, h).forecast(h, 80, 95);
        assertArrayEquals(fc.mean(), again.mean(), method + " is deterministic");
        assertArrayEquals(fc.upper()[1], again.upper()[1]);
        Forecast odd = fitted.forecast(2, 50, 99.5);
        assertTrue(odd.lower()[1][1] <= odd.lower()[0][1] && odd.upper()[0][1] <= odd.upper()[1][1]);
    }
}
