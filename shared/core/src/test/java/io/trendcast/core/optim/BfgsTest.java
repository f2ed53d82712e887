package io.trendcast.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BfgsTest {

    private static double rosenbrock(double[] x) {
        double a = x[1] - x[0] * x[0];
        double b = 1 - x[0];
        return 100 * a * a + b * b;
    }

    /**
     * R: {@code optim(c(-1.2, 1), fr, method = "BFGS")} with numerical gradients ends at (0.9998044, 0.9996084),
     * value 3.827383e-08 (the example in {@code ?optim}); tolerance 1e-3 on the parameters.
     */
    @Test
    void rosenbrockLikeR() {
        Bfgs.Result r = Bfgs.R_DEFAULTS.minimize(BfgsTest::rosenbrock, new double[] {-1.2, 1});
        assertArrayEquals(new double[] {0.9998044, 0.9996084}, r.par(), 1e-3);
        assertTrue(r.value() < 1e-6);
        assertTrue(r.converged());
    }

    @Test
    void parscaleFindsBadlyScaledMinimum() {
        Bfgs.Objective f = x -> {
            double a = x[0] - 3;
            double b = (x[1] - 2000) / 1000;
            return a * a + b * b;
        };
        Bfgs.Result r = Bfgs.R_DEFAULTS.minimize(f, new double[] {0, 0}, new double[] {1, 1000});
        assertEquals(3, r.par()[0], 1e-4);
        assertEquals(2000, r.par()[1], 1e-1);
    }

    @Test
    void zeroIterationsEvaluatesTheStartOnly() {
        Bfgs.Result r = new Bfgs(0, 1e-8, 1e-3).minimize(BfgsTest::rosenbrock, new double[] {-1.2, 1});
        assertArrayEquals(new double[] {-1.2, 1}, r.par(), 0);
        assertEquals(24.2, r.value(), 1e-12);
    }

    @Test
    void iterationLimitIsReported() {
        Bfgs.Result r = new Bfgs(2, 1e-8, 1e-3).minimize(BfgsTest::rosenbrock, new double[] {-1.2, 1});
        assertTrue(!r.converged());
    }

    @Test
    void nonFiniteStartIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Bfgs.R_DEFAULTS.minimize(x -> Double.NaN, new double[] {1}));
    }
}
