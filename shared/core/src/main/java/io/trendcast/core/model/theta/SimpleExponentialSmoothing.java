package io.trendcast.core.model.theta;

import io.trendcast.core.optim.Brent;

/**
 * Simple exponential smoothing fitted as R {@code forecast::ses} does it: the ETS(A,N,N) model with smoothing
 * parameter {@code alpha ∈ [1e-4, 0.9999]} and initial level {@code l0} chosen to minimise the mean squared
 * one-step error ({@code ets(x, "ANN", opt.crit = "mse")}), and {@code sigma² = SSE / (n - 2)}. Series of six or
 * fewer values fall back, as in R, to Holt–Winters smoothing started at the first value with {@code alpha ∈ [0, 1]}
 * and {@code sigma² = SSE / n}.
 *
 * <p>Where R runs Nelder–Mead on {@code (alpha, l0)}, this profiles the criterion: one-step errors are linear in
 * {@code l0}, so for each {@code alpha} the best {@code l0} is a least-squares solution in closed form, and
 * {@code alpha} is found by a grid followed by Brent's method. It reaches the same optimum, more precisely.
 *
 * @param alpha  smoothing parameter
 * @param level  the final level {@code l_n}: the point forecast for every horizon
 * @param sigma2 the residual variance used for prediction intervals
 */
record SimpleExponentialSmoothing(double alpha, double level, double sigma2) {

    static final double ALPHA_LOWER = 1e-4;
    static final double ALPHA_UPPER = 0.9999;
    private static final int SHORT_SERIES = 6;
    private static final int GRID = 41;
    private static final double TOLERANCE = 1e-9;

    /** Fits the model to {@code x} (finite values, at least two). */
    static SimpleExponentialSmoothing fit(double[] x) {
        if (x.length <= SHORT_SERIES) {
            return fitShort(x);
        }
        Brent.Result best = Brent.minimizeGlobal(a -> profiledSse(x, a), ALPHA_LOWER, ALPHA_UPPER, GRID, TOLERANCE);
        double alpha = best.x();
        double l0 = bestInitialLevel(x, alpha);
        double level = l0;
        double sse = 0;
        for (double v : x) {
            double e = v - level;
            sse += e * e;
            level += alpha * e;
        }
        return new SimpleExponentialSmoothing(alpha, level, sse / (x.length - 2));
    }

    private static SimpleExponentialSmoothing fitShort(double[] x) {
        Brent.Result best = Brent.minimizeGlobal(a -> sseFrom(x, a, x[0]), 0, 1, GRID, TOLERANCE);
        double alpha = best.x();
        double level = x[0];
        for (double v : x) {
            level += alpha * (v - level);
        }
        return new SimpleExponentialSmoothing(alpha, level, best.value() / x.length);
    }

    /** The least-squares initial level for a given {@code alpha}: errors are {@code a_t - c_t l0}. */
    static double bestInitialLevel(double[] x, double alpha) {
        double g = 0;
        double c = 1;
        double num = 0;
        double den = 0;
        double decay = 1 - alpha;
        for (double v : x) {
            double a = v - g;
            num += a * c;
            den += c * c;
            g += alpha * a;
            c *= decay;
        }
        return num / den;
    }

    private static double profiledSse(double[] x, double alpha) {
        return sseFrom(x, alpha, bestInitialLevel(x, alpha));
    }

    private static double sseFrom(double[] x, double alpha, double l0) {
        double level = l0;
        double sse = 0;
        for (double v : x) {
            double e = v - level;
            sse += e * e;
            level += alpha * e;
        }
        return sse;
    }
}
