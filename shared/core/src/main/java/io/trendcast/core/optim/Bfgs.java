package io.trendcast.core.optim;

import java.util.Arrays;

/**
 * Variable-metric (BFGS) minimiser with central-difference gradients, a line-for-line port of the {@code vmmin}
 * routine behind R's {@code optim(method = "BFGS")} (Nash 1990, <i>Compact Numerical Methods for Computers</i>,
 * algorithm 21). Parameters are optimised on the scale {@code par / parscale} and gradients use the step
 * {@code ndeps} on that scale, exactly as {@code optim} does, so that estimates match R's {@code arima} closely.
 *
 * <p>Immutable and thread-safe; the objective is the only state and belongs to the caller.
 */
public final class Bfgs {

    /** A function to minimise. Returning a non-finite value rejects a trial point of the line search. */
    @FunctionalInterface
    public interface Objective {
        double value(double[] par);
    }

    /** The gradient of an {@link Objective}, written into {@code out}, when it can be computed exactly. */
    @FunctionalInterface
    public interface Gradient {
        void gradient(double[] par, double[] out);
    }

    /**
     * Outcome of a minimisation.
     *
     * @param par        the best parameters found (on the caller's scale)
     * @param value      the objective there
     * @param iterations gradient evaluations used
     * @param converged  false when the iteration limit stopped the search ({@code optim}'s convergence code 1)
     */
    public record Result(double[] par, double value, int iterations, boolean converged) {
    }

    private static final double STEP_REDUCTION = 0.2;
    private static final double ACCEPT_TOL = 1e-4;
    private static final double REL_TEST = 10.0;

    /** R's defaults for BFGS: {@code maxit = 100}, {@code reltol = sqrt(.Machine$double.eps)}, {@code ndeps = 1e-3}. */
    public static final Bfgs R_DEFAULTS = new Bfgs(100, Math.sqrt(Math.ulp(1.0)), 1e-3);

    private final int maxIterations;
    private final double relTol;
    private final double ndeps;

    /**
     * @param maxIterations maximum number of iterations ({@code maxit}); 0 only evaluates the start
     * @param relTol        relative convergence tolerance on the objective ({@code reltol})
     * @param ndeps         finite-difference step on the scaled parameters
     */
    public Bfgs(int maxIterations, double relTol, double ndeps) {
        if (maxIterations < 0 || !(relTol > 0) || !(ndeps > 0)) {
            throw new IllegalArgumentException("maxIterations >= 0, relTol > 0 and ndeps > 0 required");
        }
        this.maxIterations = maxIterations;
        this.relTol = relTol;
        this.ndeps = ndeps;
    }

    /** Minimises {@code f} from {@code start} with unit parameter scales. */
    public Result minimize(Objective objective, double[] start) {
        double[] scale = new double[start.length];
        Arrays.fill(scale, 1.0);
        return minimize(objective, start, scale);
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param parscale typical magnitude of each parameter ({@code optim}'s {@code parscale})
     * @throws IllegalArgumentException when the objective is not finite at the start or a gradient is not finite
     */
    public Result minimize(Objective objective, double[] start, double[] parscale) {
        return minimize(new Scaled(objective, null, parscale), start, parscale);
    }

    /**
     * Minimises {@code f} from {@code start} with its exact {@code gradient} instead of central differences: the
     * same iterations as {@link #minimize(Objective, double[], double[])}, one gradient call in place of
     * {@code 2·n} objective calls per iteration, and a slightly different path (finite differences are
     * approximations).
     */
    public Result minimize(Objective objective, Gradient gradient, double[] start, double[] parscale) {
        return minimize(new Scaled(objective, gradient, parscale), start, parscale);
    }

    private Result minimize(Scaled fn, double[] start, double[] parscale) {
        int n = start.length;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = start[i] / parscale[i];
        }
        double fmin = fn.value(b);
        if (!Double.isFinite(fmin)) {
            throw new IllegalArgumentException("initial value of the objective is not finite");
        }
        if (maxIterations == 0 || n == 0) {
            return new Result(fn.unscale(b), fmin, 0, true);
        }
        double[] g = new double[n];
        double[] t = new double[n];
        double[] x = new double[n];
        double[] c = new double[n];
        double[][] h = new double[n][n];
        gradient(fn, b, g);
        int gradCount = 1;
        int iter = 1;
        int ilast = gradCount;
        int count;
        double f = fmin;
        do {
            if (ilast == gradCount) {
                for (int i = 0; i < n; i++) {
                    Arrays.fill(h[i], 0, i, 0.0);
                    h[i][i] = 1.0;
                }
            }
            System.arraycopy(b, 0, x, 0, n);
            System.arraycopy(g, 0, c, 0, n);
            double gradProj = 0.0;
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int j = 0; j <= i; j++) {
                    s -= h[i][j] * g[j];
                }
                for (int j = i + 1; j < n; j++) {
                    s -= h[j][i] * g[j];
                }
                t[i] = s;
                gradProj += s * g[i];
            }
            if (gradProj < 0.0) {
                double step = 1.0;
                boolean accept = false;
                do {
                    count = 0;
                    for (int i = 0; i < n; i++) {
                        b[i] = x[i] + step * t[i];
                        if (REL_TEST + x[i] == REL_TEST + b[i]) {
                            count++;
                        }
                    }
                    if (count < n) {
                        f = fn.value(b);
                        accept = Double.isFinite(f) && f <= fmin + gradProj * step * ACCEPT_TOL;
                        if (!accept) {
                            step *= STEP_REDUCTION;
                        }
                    }
                } while (!(count == n || accept));
                boolean enough = f > Double.NEGATIVE_INFINITY && Math.abs(f - fmin) > relTol * (Math.abs(fmin) + relTol);
                if (!enough) {
                    count = n;
                    fmin = f;
                }
                if (count < n) {
                    fmin = f;
                    gradient(fn, b, g);
                    gradCount++;
                    iter++;
                    double d1 = 0.0;
                    for (int i = 0; i < n; i++) {
                        t[i] = step * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0) {
                        double d2 = 0.0;
                        for (int i = 0; i < n; i++) {
                            double s = 0.0;
                            for (int j = 0; j <= i; j++) {
                                s += h[i][j] * c[j];
                            }
                            for (int j = i + 1; j < n; j++) {
                                s += h[j][i] * c[j];
                            }
                            x[i] = s;
                            d2 += s * c[i];
                        }
                        d2 = 1.0 + d2 / d1;
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                h[i][j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                            }
                        }
                    } else {
                        ilast = gradCount;
                    }
                } else if (ilast < gradCount) {
                    count = 0;
                    ilast = gradCount;
                }
            } else {
                count = 0;
                if (ilast == gradCount) {
                    count = n;
                } else {
                    ilast = gradCount;
                }
            }
            if (iter >= maxIterations) {
                break;
            }
            if (gradCount - ilast > 2 * n) {
                ilast = gradCount;
            }
        } while (count != n || ilast != gradCount);
        return new Result(fn.unscale(b), fmin, iter, iter < maxIterations);
    }

    /**
     * Numerical Hessian at {@code par}, as R's {@code optimHess} (used by {@code optim(hessian = TRUE)}): central
     * differences of the finite-difference gradient with step {@code ndeps / parscale} on the scaled parameters,
     * then symmetrised.
     *
     * @return row-major n×n matrix on the caller's parameter scale
     * @throws IllegalArgumentException when a gradient is not finite
     */
    public double[] hessian(Objective objective, double[] par, double[] parscale) {
        int n = par.length;
        Scaled fn = new Scaled(objective, null, parscale);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = par[i] / parscale[i];
        }
        double[] up = new double[n];
        double[] down = new double[n];
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            double eps = ndeps / parscale[i];
            double bi = b[i];
            b[i] = bi + eps;
            gradient(fn, b, up);
            b[i] = bi - eps;
            gradient(fn, b, down);
            b[i] = bi;
            for (int j = 0; j < n; j++) {
                h[i * n + j] = (up[j] - down[j]) / (2 * eps * parscale[i] * parscale[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = avg;
                h[j * n + i] = avg;
            }
        }
        return h;
    }

    private void gradient(Scaled fn, double[] b, double[] g) {
        if (fn.exact != null) {
            fn.gradient(b, g);
            for (int i = 0; i < b.length; i++) {
                if (!Double.isFinite(g[i])) {
                    throw new IllegalArgumentException("non-finite gradient for parameter " + (i + 1));
                }
            }
            return;
        }
        for (int i = 0; i < b.length; i++) {
            double bi = b[i];
            b[i] = bi + ndeps;
            double up = fn.value(b);
            b[i] = bi - ndeps;
            double down = fn.value(b);
            b[i] = bi;
            g[i] = (up - down) / (2 * ndeps);
            if (!Double.isFinite(g[i])) {
                throw new IllegalArgumentException("non-finite finite-difference gradient for parameter " + (i + 1));
            }
        }
    }

    /** The objective seen on the scaled parameters {@code par / parscale}. */
    private static final class Scaled {
        private final Objective f;
        private final Gradient exact;
        private final double[] parscale;
        private final double[] work;

        Scaled(Objective f, Gradient exact, double[] parscale) {
            this.f = f;
            this.exact = exact;
            this.parscale = parscale.clone();
            this.work = new double[parscale.length];
        }

        /** The exact gradient on the scaled parameters: d f / d b = d f / d par · parscale. */
        void gradient(double[] b, double[] g) {
            for (int i = 0; i < b.length; i++) {
                work[i] = b[i] * parscale[i];
            }
            exact.gradient(work, g);
            for (int i = 0; i < b.length; i++) {
                g[i] *= parscale[i];
            }
        }

        double value(double[] b) {
            for (int i = 0; i < b.length; i++) {
                work[i] = b[i] * parscale[i];
            }
            return f.value(work);
        }

        double[] unscale(double[] b) {
            double[] out = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] * parscale[i];
            }
            return out;
        }
    }
}
