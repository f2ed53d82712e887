package io.trendcast.testing.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.model.ets.EtsForecaster;
import io.trendcast.core.model.ets.EtsModel;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.testing.SyntheticSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of ETS over a grid of model specifications × synthetic series: every fit that succeeds forecasts
 * finite values with ordered bounds {@code lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95}; a specification that cannot apply
 * to a series (multiplicative on non-positive data, seasonal on a non-seasonal series) fails with
 * {@link ModelException}, never with anything else.
 */
class EtsInvariantsTest {

    private static final String[] SPECS = {"ZZZ", "ANN", "AAN", "MNN", "MAN", "ANA", "AAA", "MNA", "MAA", "MNM",
        "MAM", "ZZN", "ZZA", "ZZM", "ZMZ"};

    static Stream<Arguments> grid() {
        List<TimeSeries> series = List.of(
                SyntheticSeries.trend("trend", 40, 100, 1.5, 4, 1),
                SyntheticSeries.trend("trend-down", 30, 50, -1.2, 2, 2),
                SyntheticSeries.seasonal("seas-add", 72, 12, 200, 0.5, 0.2, false, 5, 3),
                SyntheticSeries.seasonal("seas-mult", 60, 12, 200, 1, 0.3, true, 3, 4),
                SyntheticSeries.seasonal("quarterly", 28, 4, 50, 0.2, 0.25, true, 1, 5),
                SyntheticSeries.seasonal("short-seasonal", 14, 12, 80, 0, 0.2, true, 1, 6),
                SyntheticSeries.randomWalk("walk", 50, 0, 0.1, 1, 7),
                SyntheticSeries.intermittent("intermittent", 60, 0.3, 3, 8),
                SyntheticSeries.constant("constant", 20, 7),
                SyntheticSeries.trend("very-short", 5, 10, 1, 0.5, 9),
                SyntheticSeries.trend("tiny", 2, 10, 1, 0.5, 10));
        List<Arguments> out = new ArrayList<>();
        for (TimeSeries s : series) {
            for (String spec : SPECS) {
                out.add(Arguments.of(s, spec));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("grid")
    void forecastsAreFiniteAndOrdered(TimeSeries series, String spec) {
        EtsForecaster ets = EtsForecaster.builder().model(spec).allowMultiplicativeTrend(spec.equals("ZMZ"))
                .build();
        EtsModel model;
        try {
            model = ets.fit(series);
        } catch (ModelException e) {
            assertFalse(spec.equals("ZZZ"), "automatic selection must fit " + series + ": " + e.getMessage());
            return;
        }
        int h = Math.max(8, 2 * series.season());
        Forecast f = model.forecast(h, 80, 95);
        assertEquals(h, f.horizon());
        for (int t = 0; t < h; t++) {
            double lo95 = f.lower()[1][t];
            double lo80 = f.lower()[0][t];
            double mean = f.mean()[t];
            double hi80 = f.upper()[0][t];
            double hi95 = f.upper()[1][t];
            String at = model.description() + " step " + (t + 1) + ": " + lo95 + " " + lo80 + " " + mean + " "
                    + hi80 + " " + hi95;
            assertTrue(Double.isFinite(lo95) && Double.isFinite(hi95) && Double.isFinite(mean), at);
            assertTrue(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95, at);
        }
    }

    /** R: {@code ets} on a constant series returns simple exponential smoothing with α = 0.99999. */
    @Test
    void constantSeriesForecastsTheConstant() {
        EtsModel m = EtsForecaster.defaults().fit(SyntheticSeries.constant("c", 30, 4.5));
        assertEquals("ETS(A,N,N)", m.description());
        Forecast f = m.forecast(3, 95);
        assertEquals(4.5, f.mean()[2], 1e-9);
        assertEquals(4.5, f.upper()[0][2], 1e-9);
    }

    /** R drops the season when m > 24 ("I can't handle data with frequency greater than 24"). */
    @Test
    void periodAbove24IgnoresSeasonality() {
        TimeSeries weekly = SyntheticSeries.seasonal("w", 200, 52, 100, 0.1, 0.2, true, 1, 11);
        assertTrue(EtsForecaster.defaults().fit(weekly).description().endsWith(",N)"));
        assertThrows(ModelException.class, () -> EtsForecaster.builder().model("AAA").build().fit(weekly));
    }

    /** Multiplicative errors are never tried on data with zeros (R: "Inappropriate model for data with …"). */
    @Test
    void nonPositiveDataGetsAdditiveErrors() {
        TimeSeries intermittent = SyntheticSeries.intermittent("i", 60, 0.3, 3, 12);
        assertTrue(EtsForecaster.defaults().fit(intermittent).description().startsWith("ETS(A,"));
        assertThrows(ModelException.class, () -> EtsForecaster.builder().model("MNN").build().fit(intermittent));
    }

    /** R's restricted combinations are refused when asked for explicitly. */
    @Test
    void forbiddenCombinationsAreRefused() {
        TimeSeries s = SyntheticSeries.seasonal("s", 60, 12, 200, 1, 0.3, true, 3, 13);
        assertThrows(ModelException.class, () -> EtsForecaster.builder().model("ANM").build().fit(s));
        assertThrows(ModelException.class, () -> EtsForecaster.builder().model("MMA").build().fit(s));
    }

    @Test
    void builderValidatesAndNamesTheMethod() {
        assertEquals("ets", EtsForecaster.defaults().name());
        assertThrows(IllegalArgumentException.class, () -> EtsForecaster.builder().model("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> EtsForecaster.builder().nmse(31));
    }
}
