package io.trendcast.core.model.intermittent;

import io.trendcast.core.optim.Brent;
import java.util.function.DoubleBinaryOperator;

/**
 * Minimises a function of two smoothing parameters on {@code [lower, upper]²}: a coarse grid, then rounds of
 * coordinate-wise Brent refinement within one grid step of the best point. In-sample error surfaces of
 * intermittent-demand methods are piecewise smooth and often flat, so the grid guards against poor local minima.
 */
final class PairMinimiser {

    private static final int GRID = 20;
    private static final int ROUNDS = 2;
    private static final double TOLERANCE = 1e-4;

    private PairMinimiser() {
    }

    /** The best {@code (a, b)} found. */
    static double[] minimise(DoubleBinaryOperator f, double lower, double upper) {
        double step = (upper - lower) / (GRID - 1);
        double bestA = lower;
        double bestB = lower;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double a = lower + i * step;
            for (int j = 0; j < GRID; j++) {
                double b = lower + j * step;
                double v = f.applyAsDouble(a, b);
                if (v < best) {
                    best = v;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            double fixedB = bestB;
            Brent.Result ra = Brent.minimize(a -> f.applyAsDouble(a, fixedB), Math.max(lower, bestA - step),
                    Math.min(upper, bestA + step), TOLERANCE);
            if (ra.value() < best) {
                best = ra.value();
                bestA = ra.x();
            }
            double fixedA = bestA;
            Brent.Result rb = Brent.minimize(b -> f.applyAsDouble(fixedA, b), Math.max(lower, bestB - step),
                    Math.min(upper, bestB + step), TOLERANCE);
            if (rb.value() < best) {
                best = rb.value();
                bestB = rb.x();
            }
        }
        return new double[] {bestA, bestB};
    }
}
