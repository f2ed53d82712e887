package io.trendcast.testing.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.model.arima.ArimaForecaster;
import io.trendcast.core.model.arima.ArimaModel;
import io.trendcast.core.model.arima.ArimaSpec;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.testing.SyntheticSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Invariants of ARIMA forecasts over a grid of fixed specifications and synthetic series, and of the automatic
 * search on the shapes selection must survive: no NaN, and {@code lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95} at every step.
 */
class ArimaInvariantsTest {

    private static final ArimaForecaster ARIMA = ArimaForecaster.create();

    private static List<TimeSeries> shapes() {
        return List.of(
                SyntheticSeries.trend("trend", 60, 100, 2, 5, 1),
                SyntheticSeries.randomWalk("walk", 80, 50, 0.5, 2, 2),
                SyntheticSeries.seasonal("seas12", 96, 12, 200, 1, 0.3, true, 5, 3),
                SyntheticSeries.seasonal("seas4", 40, 4, 50, 0.2, 0.2, false, 1, 4),
                SyntheticSeries.intermittent("intermittent", 70, 0.3, 3, 5),
                SyntheticSeries.seasonal("long", 200, 12, 100, 0.1, 0.2, false, 3, 6));
    }

    private static List<ArimaSpec> grid(int m) {
        List<ArimaSpec> specs = new ArrayList<>();
        for (int p = 0; p <= 2; p++) {
            for (int d = 0; d <= 1; d++) {
                for (int q = 0; q <= 2; q++) {
                    specs.add(ArimaSpec.of(p, d, q, true));
                    specs.add(ArimaSpec.of(p, d, q, false));
                    if (m > 1) {
                        specs.add(new ArimaSpec(p, d, q, 1, 1, 1, m, false));
                        specs.add(new ArimaSpec(p, 0, q, 1, 0, 0, m, true));
                    }
                }
            }
        }
        return specs;
    }

    private static void assertOrdered(Forecast f, String what) {
        for (int t = 0; t < f.horizon(); t++) {
            double lo95 = f.lower()[1][t];
            double lo80 = f.lower()[0][t];
            double mean = f.mean()[t];
            double hi80 = f.upper()[0][t];
            double hi95 = f.upper()[1][t];
            String at = what + " step " + (t + 1);
            assertFalse(Double.isNaN(lo95 + lo80 + mean + hi80 + hi95), at + " has NaN");
            assertTrue(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95, at + " bounds out of order");
        }
    }

    @TestFactory
    List<DynamicTest> fixedSpecsOverSyntheticSeries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TimeSeries y : shapes()) {
            tests.add(DynamicTest.dynamicTest(y.id(), () -> {
                int fitted = 0;
                for (ArimaSpec spec : grid(y.season())) {
                    ArimaModel model;
                    try {
                        model = ARIMA.fit(y, spec);
                    } catch (ModelException e) {
                        continue;
                    }
                    fitted++;
                    assertOrdered(model.forecast(2 * Math.max(4, y.season()), 80, 95), y.id() + " " + spec);
                }
                assertTrue(fitted > 0, "no specification could be fitted to " + y.id());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> automaticSearchOverSyntheticSeries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TimeSeries y : shapes()) {
            tests.add(DynamicTest.dynamicTest(y.id(), () -> {
                FittedModel model = ARIMA.fit(y);
                assertTrue(model.description().startsWith("ARIMA("), model.description());
                assertOrdered(model.forecast(12, 80, 95), y.id() + " " + model.description());
            }));
        }
        return tests;
    }

    /** As auto.arima: a constant series gets ARIMA(0,0,0) with its mean and zero-width intervals. */
    @Test
    void constantSeries() {
        ArimaModel model = ARIMA.fit(SyntheticSeries.constant("flat", 30, 7.5));
        assertEquals("ARIMA(0,0,0) with non-zero mean", model.description());
        Forecast f = model.forecast(5, 80, 95);
        for (int t = 0; t < 5; t++) {
            assertEquals(7.5, f.mean()[t], 1e-12);
            assertEquals(7.5, f.lower()[1][t], 1e-9);
        }
    }

    /** A series that is linear (constant after one difference) gets ARIMA(0,1,0) with drift, as auto.arima. */
    @Test
    void linearSeries() {
        double[] x = new double[20];
        for (int t = 0; t < x.length; t++) {
            x[t] = 3 + 2 * t;
        }
        ArimaModel model = ARIMA.fit(TimeSeries.of("line", 1, x));
        assertEquals("ARIMA(0,1,0) with drift", model.description());
        assertEquals(43, model.forecast(1, 95).mean()[0], 1e-9);
    }

    @Test
    void veryShortAndShorterThanASeason() {
        for (int n = 2; n <= 13; n++) {
            double[] x = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = 10 + Math.sin(t) + 0.3 * t;
            }
            TimeSeries y = TimeSeries.of("short" + n, 12, x);
            FittedModel model;
            try {
                model = ARIMA.fit(y);
            } catch (ModelException e) {
                continue;
            }
            assertOrdered(model.forecast(6, 80, 95), y.id() + " " + model.description());
        }
    }

    /** A fitted model survives Java serialisation and forecasts identically afterwards. */
    @Test
    void serialisationRoundTrip() throws Exception {
        ArimaModel model = ARIMA.fit(SyntheticSeries.seasonal("rt", 72, 12, 100, 0.5, 0.2, false, 2, 9));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        ArimaModel copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ArimaModel) in.readObject();
        }
        assertEquals(model.description(), copy.description());
        assertArrayEquals(model.forecast(12, 95).upper()[0], copy.forecast(12, 95).upper()[0], 0.0);
    }

    @Test
    void missingValuesAreRejected() {
        TimeSeries y = TimeSeries.of("gap", 1, 1, 2, Double.NaN, 4, 5, 6);
        assertThrows(ModelException.class, () -> ARIMA.fit(y));
    }

    @Test
    void nameAndConfigurationValidation() {
        assertEquals("arima", ARIMA.name());
        assertThrows(IllegalArgumentException.class, () -> ArimaForecaster.builder().maxOrders(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> new ArimaSpec(0, 2, 0, 0, 0, 0, 1, true));
    }
}
