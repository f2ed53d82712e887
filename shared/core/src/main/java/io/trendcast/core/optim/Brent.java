package io.trendcast.core.optim;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's (1973, ch. 5) one-dimensional minimiser: golden-section search accelerated by successive parabolic
 * interpolation, the algorithm of R's {@code optimize} (netlib {@code fmin}). It finds a local minimum of a
 * function on a closed interval without derivatives.
 */
public final class Brent {

    private static final double GOLDEN = 0.5 * (3 - Math.sqrt(5));
    private static final double EPS = Math.sqrt(Math.ulp(1.0));
    private static final int MAX_ITERATIONS = 500;

    private Brent() {
    }

    /** The minimiser found and the function value there. */
    public record Result(double x, double value) {
    }

    /**
     * Minimises {@code f} on {@code [lower, upper]}.
     *
     * @param tolerance absolute tolerance on the location of the minimum
     * @throws IllegalArgumentException when the interval is empty or the tolerance not positive
     */
    public static Result minimize(DoubleUnaryOperator f, double lower, double upper, double tolerance) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("lower must be below upper: [" + lower + ", " + upper + "]");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
        double a = lower;
        double b = upper;
        double v = a + GOLDEN * (b - a);
        double w = v;
        double x = v;
        double d = 0;
        double e = 0;
        double fx = f.applyAsDouble(x);
        double fv = fx;
        double fw = fx;
        double tol3 = tolerance / 3;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double xm = 0.5 * (a + b);
            double tol1 = EPS * Math.abs(x) + tol3;
            double tol2 = 2 * tol1;
            if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) {
                break;
            }
            double p = 0;
            double q = 0;
            double r = 0;
            if (Math.abs(e) > tol1) {
                r = (x - w) * (fx - fv);
                q = (x - v) * (fx - fw);
                p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    p = -p;
                } else {
                    q = -q;
                }
                r = e;
                e = d;
            }
            if (Math.abs(p) >= Math.abs(0.5 * q * r) || p <= q * (a - x) || p >= q * (b - x)) {
                e = x < xm ? b - x : a - x;
                d = GOLDEN * e;
            } else {
                d = p / q;
                double trial = x + d;
                if (trial - a < tol2 || b - trial < tol2) {
                    d = x < xm ? tol1 : -tol1;
                }
            }
            double u = Math.abs(d) >= tol1 ? x + d : (d > 0 ? x + tol1 : x - tol1);
            double fu = f.applyAsDouble(u);
            if (fu <= fx) {
                if (u < x) {
                    b = x;
                } else {
                    a = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return new Result(x, fx);
    }

    /**
     * Minimises {@code f} on {@code [lower, upper]} more robustly against several local minima: evaluates a grid of
     * {@code gridPoints} equally spaced points, then refines with Brent's method between the neighbours of the best.
     */
    public static Result minimizeGlobal(DoubleUnaryOperator f, double lower, double upper, int gridPoints,
                                        double tolerance) {
        if (gridPoints < 3) {
            throw new IllegalArgumentException("gridPoints must be at least 3, was " + gridPoints);
        }
        double step = (upper - lower) / (gridPoints - 1);
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < gridPoints; i++) {
            double value = f.applyAsDouble(lower + i * step);
            if (value < bestValue) {
                bestValue = value;
                best = i;
            }
        }
        double lo = lower + Math.max(0, best - 1) * step;
        double hi = lower + Math.min(gridPoints - 1, best + 1) * step;
        Result refined = minimize(f, lo, hi, tolerance);
        double atGrid = lower + best * step;
        return refined.value() <= bestValue ? refined : new Result(atGrid, bestValue);
    }
}
