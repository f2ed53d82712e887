package io.trendcast.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

    private final NelderMead nm = NelderMead.withMaxEvaluations(5000);

    /** Rosenbrock's banana valley, minimum 0 at (1, 1). */
    @Test
    void findsRosenbrockMinimum() {
        NelderMead.Result r = nm.minimize(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1});
        assertTrue(r.converged());
        assertArrayEquals(new double[] {1, 1}, r.x(), 2e-3);
        assertTrue(r.value() < 1e-6, "value " + r.value());
    }

    /**
     * R's own example, {@code optim(c(-1.2, 1), fr)} with the default Nelder–Mead (R 4.x), reports
     * {@code par = (1.000260, 1.000506)}, {@code value = 8.825241e-08} and {@code counts = 195}. The port follows
     * the same path, so it reproduces those numbers.
     */
    @Test
    void reproducesROptimRosenbrockExample() {
        NelderMead r = NelderMead.withMaxEvaluations(500);
        NelderMead.Result res = r.minimize(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1});
        assertArrayEquals(new double[] {1.000260, 1.000506}, res.x(), 1e-6);
        assertEquals(8.825241e-08, res.value(), 1e-13);
        assertEquals(195, res.evaluations());
    }

    @Test
    void minimisesQuadraticInManyDimensions() {
        double[] centre = {3, -2, 0.5, 7, -1};
        NelderMead.Result r = nm.minimize(x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += (i + 1) * (x[i] - centre[i]) * (x[i] - centre[i]);
            }
            return s;
        }, new double[5]);
        assertArrayEquals(centre, r.x(), 5e-3);
    }

    @Test
    void treatsInfiniteValuesAsVeryLarge() {
        NelderMead.Result r = nm.minimize(x -> x[0] < 0 || x[1] < 0 ? Double.POSITIVE_INFINITY
                : (x[0] - 2) * (x[0] - 2) + (x[1] - 0.5) * (x[1] - 0.5), new double[] {1, 1});
        assertArrayEquals(new double[] {2, 0.5}, r.x(), 5e-3);
    }

    @Test
    void stopsAtTheEvaluationBudget() {
        NelderMead tight = NelderMead.withMaxEvaluations(20);
        NelderMead.Result r = tight.minimize(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1});
        assertEquals(1, r.status());
        assertTrue(r.evaluations() <= 20 + 3, "evaluations " + r.evaluations());
    }

    @Test
    void rejectsNonFiniteStart() {
        assertThrows(IllegalArgumentException.class,
                () -> nm.minimize(x -> Double.NaN, new double[] {1, 2}));
    }
}
