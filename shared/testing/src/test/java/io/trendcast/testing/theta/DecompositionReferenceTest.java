package io.trendcast.testing.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.decompose.ClassicalDecomposition;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.stat.Acf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classical decomposition against R {@code stats::decompose(y, type)} and the ACF against {@code stats::acf(y,
 * lag.max = 24)}, on {@code AirPassengers} (m = 12), M3 N0646 (m = 4) and a synthetic odd-period series
 * ({@code Odd7}, m = 7); values in {@code reference/theta/decompose.csv} and {@code acf.csv} from
 * {@code theta_reference.R}. Same arithmetic, so the tolerance is 1e-9 relative.
 */
class DecompositionReferenceTest {

    @ParameterizedTest
    @CsvSource({"AirPassengers,multiplicative", "AirPassengers,additive", "N0646,multiplicative",
        "N0646,additive", "Odd7,multiplicative", "Odd7,additive"})
    void matchesDecompose(String id, String type) {
        TimeSeries y = Reference.series(id);
        List<Map<String, String>> ref = Reference.rows("decompose.csv", id).stream()
                .filter(r -> r.get("type").equals(type)).toList();
        ClassicalDecomposition d = ClassicalDecomposition.of(y.values(), y.season(),
                type.equals("additive") ? ClassicalDecomposition.Type.ADDITIVE
                        : ClassicalDecomposition.Type.MULTIPLICATIVE);
        assertSame(Reference.column(ref, "trend"), d.trend(), id + " trend");
        assertSame(Reference.column(ref, "seasonal"), d.seasonal(), id + " seasonal");
        assertSame(Reference.column(ref, "random"), d.remainder(), id + " random");
    }

    @Test
    void acfMatches() {
        for (String id : List.of("AirPassengers", "Nile")) {
            double[] expected = Reference.column(Reference.rows("acf.csv", id), "acf");
            assertSame(expected, Acf.of(Reference.series(id).values(), 24), id + " acf");
        }
    }

    private static void assertSame(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), what + " at " + i + " should be NA");
            } else {
                assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
            }
        }
    }
}
