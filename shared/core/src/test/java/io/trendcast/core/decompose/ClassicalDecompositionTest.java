package io.trendcast.core.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassicalDecompositionTest {

    private static final double[] PATTERN = {0.8, 1.1, 1.3, 0.8};

    @Test
    void recoversExactMultiplicativePattern() {
        double[] x = new double[24];
        for (int t = 0; t < x.length; t++) {
            x[t] = (50 + 2 * t) * PATTERN[t % 4];
        }
        ClassicalDecomposition d = ClassicalDecomposition.of(x, 4, ClassicalDecomposition.Type.MULTIPLICATIVE);
        double mean = 1.0;
        double[] figure = d.figure();
        double sum = 0;
        for (double f : figure) {
            sum += f;
        }
        assertEquals(4 * mean, sum, 1e-12);
        assertTrue(Double.isNaN(d.trend()[0]) && Double.isNaN(d.trend()[1]) && Double.isNaN(d.trend()[23]));
        double[] adjusted = d.adjust(x);
        double[] future = d.futureSeasonal(5);
        for (int j = 0; j < 5; j++) {
            assertEquals(figure[(24 + j) % 4], future[j], 0);
        }
        for (int t = 1; t < x.length; t++) {
            assertTrue(adjusted[t] > adjusted[t - 1] - 1.5, "adjusted series should be nearly the trend");
        }
    }

    @Test
    void additiveIndicesSumToZero() {
        double[] x = new double[21];
        for (int t = 0; t < x.length; t++) {
            x[t] = t + (t % 7 == 3 ? 10 : 0);
        }
        ClassicalDecomposition d = ClassicalDecomposition.of(x, 7, ClassicalDecomposition.Type.ADDITIVE);
        double sum = 0;
        for (double f : d.figure()) {
            sum += f;
        }
        assertEquals(0, sum, 1e-12);
        assertEquals(10 - 10.0 / 7, d.figure()[3], 1e-9);
    }

    @Test
    void needsTwoPeriods() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassicalDecomposition.of(new double[7], 4, ClassicalDecomposition.Type.ADDITIVE));
    }
}
