package io.trendcast.core.model.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimpleExponentialSmoothingTest {

    @Test
    void profiledFitBeatsBruteForceGrid() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[60];
        double level = 10;
        for (int t = 0; t < x.length; t++) {
            level += rnd.nextDouble() - 0.5;
            x[t] = level + 2 * (rnd.nextDouble() - 0.5);
        }
        SimpleExponentialSmoothing fit = SimpleExponentialSmoothing.fit(x);
        double best = Double.POSITIVE_INFINITY;
        for (double a = 1e-4; a <= 0.9999; a += 0.005) {
            for (double l0 = 5; l0 <= 15; l0 += 0.05) {
                best = Math.min(best, sse(x, a, l0));
            }
        }
        double ours = fit.sigma2() * (x.length - 2);
        assertTrue(ours <= best + 1e-9, ours + " > " + best);
    }

    @Test
    void initialLevelIsLeastSquares() {
        double[] x = {3, 5, 4, 6, 5, 7, 6, 8};
        double alpha = 0.3;
        double l0 = SimpleExponentialSmoothing.bestInitialLevel(x, alpha);
        double h = 1e-4;
        double slope = (sse(x, alpha, l0 + h) - sse(x, alpha, l0 - h)) / (2 * h);
        assertEquals(0, slope, 1e-6);
    }

    @Test
    void shortSeriesStartsAtFirstValue() {
        SimpleExponentialSmoothing fit = SimpleExponentialSmoothing.fit(new double[] {4, 4, 4});
        assertEquals(4, fit.level(), 1e-12);
        assertEquals(0, fit.sigma2(), 1e-12);
    }

    private static double sse(double[] x, double alpha, double l0) {
        double level = l0;
        double s = 0;
        for (double v : x) {
            s += (v - level) * (v - level);
            level += alpha * (v - level);
        }
        return s;
    }
}
