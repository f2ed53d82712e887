package io.trendcast.core.optim;

/**
 * Nelder–Mead simplex minimiser (Nelder and Mead 1965), a line-by-line port of {@code nmmin} in R's
 * {@code src/appl/optim.c}, which R {@code forecast::ets} calls as {@code etsNelderMead}. Keeping R's variant
 * (its initial simplex, its reflection/extension/contraction/shrink order and its stopping rule) matters: ETS
 * likelihoods have many local optima, and the optimum reached depends on the path.
 *
 * <p>The initial simplex steps every coordinate by one tenth of the largest absolute start value (0.1 when all
 * are zero). The search stops when the spread of function values in the simplex falls below
 * {@code relTol · (|f(start)| + relTol)}, when the best value falls below {@code absTol}, when a shrink fails to
 * reduce the simplex, or after more than {@code maxEvaluations} evaluations. Non-finite function values count
 * as {@code 1e35}, so the objective may return {@code +∞} for infeasible points.
 *
 * <p>Immutable and thread-safe; every call allocates its own small work arrays.
 *
 * @param absTol         stop when the best value is at most this ({@code -∞} disables)
 * @param relTol         relative convergence tolerance
 * @param reflection     reflection coefficient (R's {@code alpha}, 1)
 * @param contraction    contraction coefficient (R's {@code beta}, 0.5)
 * @param expansion      expansion coefficient (R's {@code gamma}, 2)
 * @param maxEvaluations evaluation budget (R's {@code maxit})
 */
public record NelderMead(double absTol, double relTol, double reflection, double contraction, double expansion,
                         int maxEvaluations) {

    private static final double BIG = 1.0e35;

    /** R's {@code optim} defaults: no absolute tolerance, relative tolerance √ε, coefficients 1, 0.5, 2. */
    public static NelderMead withMaxEvaluations(int maxEvaluations) {
        return new NelderMead(Double.NEGATIVE_INFINITY, Math.sqrt(Math.ulp(1.0)), 1.0, 0.5, 2.0, maxEvaluations);
    }

    public NelderMead {
        if (!(relTol >= 0) || !(reflection > 0) || !(contraction > 0 && contraction < 1) || !(expansion > 1)) {
            throw new IllegalArgumentException("invalid Nelder–Mead coefficients");
        }
    }

    /** A function of several variables to minimise. It must not keep the array it is given. */
    @FunctionalInterface
    public interface Objective {
        double value(double[] x);
    }

    /**
     * The outcome of a minimisation.
     *
     * @param x           the best point found
     * @param value       the function value there
     * @param evaluations number of function evaluations used
     * @param status      0 converged, 1 evaluation budget exhausted, 10 simplex degenerate (shrink failed)
     */
    public record Result(double[] x, double value, int evaluations, int status) {

        /** Whether the relative or absolute tolerance was met. */
        public boolean converged() {
            return status == 0;
        }
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @throws IllegalArgumentException when {@code f(start)} is not finite (R: "function cannot be evaluated at
     *                                  initial parameters")
     */
    public Result minimize(Objective f, double[] start) {
        int n = start.length;
        double[] bvec = start.clone();
        if (maxEvaluations <= 0) {
            return new Result(bvec, f.value(bvec), 0, 0);
        }
        double fv = f.value(bvec);
        if (!Double.isFinite(fv)) {
            throw new IllegalArgumentException("function cannot be evaluated at initial parameters");
        }
        int n1 = n + 1;
        int c = n + 2;
        // p[i][j]: coordinate i of vertex j (column c - 1 is the centroid); row n1 - 1 holds function values.
        double[][] p = new double[n1][n + 2];
        int funcount = 1;
        double convtol = relTol * (Math.abs(fv) + relTol);
        p[n1 - 1][0] = fv;
        for (int i = 0; i < n; i++) {
            p[i][0] = bvec[i];
        }
        int l = 1;
        double size = 0.0;
        double step = 0.0;
        for (int i = 0; i < n; i++) {
            step = Math.max(step, 0.1 * Math.abs(bvec[i]));
        }
        if (step == 0.0) {
            step = 0.1;
        }
        for (int j = 2; j <= n1; j++) {
            for (int i = 0; i < n; i++) {
                p[i][j - 1] = bvec[i];
            }
            double trystep = step;
            while (p[j - 2][j - 1] == bvec[j - 2]) {
                p[j - 2][j - 1] = bvec[j - 2] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldsize = size;
        boolean calcvert = true;
        int status = 0;
        do {
            if (calcvert) {
                for (int j = 0; j < n1; j++) {
                    if (j + 1 != l) {
                        for (int i = 0; i < n; i++) {
                            bvec[i] = p[i][j];
                        }
                        p[n1 - 1][j] = finite(f.value(bvec));
                        funcount++;
                    }
                }
                calcvert = false;
            }
            double vl = p[n1 - 1][l - 1];
            double vh = vl;
            int h = l;
            for (int j = 1; j <= n1; j++) {
                if (j != l) {
                    double v = p[n1 - 1][j - 1];
                    if (v < vl) {
                        l = j;
                        vl = v;
                    }
                    if (v > vh) {
                        h = j;
                        vh = v;
                    }
                }
            }
            if (vh <= vl + convtol || vl <= absTol) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double temp = -p[i][h - 1];
                for (int j = 0; j < n1; j++) {
                    temp += p[i][j];
                }
                p[i][c - 1] = temp / n;
            }
            for (int i = 0; i < n; i++) {
                bvec[i] = (1.0 + reflection) * p[i][c - 1] - reflection * p[i][h - 1];
            }
            double vr = finite(f.value(bvec));
            funcount++;
            if (vr < vl) {
                p[n1 - 1][c - 1] = vr;
                for (int i = 0; i < n; i++) {
                    double e = expansion * bvec[i] + (1 - expansion) * p[i][c - 1];
                    p[i][c - 1] = bvec[i];
                    bvec[i] = e;
                }
                double fe = finite(f.value(bvec));
                funcount++;
                if (fe < vr) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = fe;
                } else {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = p[i][c - 1];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
            } else {
                if (vr < vh) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = vr;
                }
                for (int i = 0; i < n; i++) {
                    bvec[i] = (1 - contraction) * p[i][h - 1] + contraction * p[i][c - 1];
                }
                double fc = finite(f.value(bvec));
                funcount++;
                if (fc < p[n1 - 1][h - 1]) {
                    for (int i = 0; i < n; i++) {
                        p[i][h - 1] = bvec[i];
                    }
                    p[n1 - 1][h - 1] = fc;
                } else if (vr >= vh) {
                    calcvert = true;
                    size = 0.0;
                    for (int j = 0; j < n1; j++) {
                        if (j + 1 != l) {
                            for (int i = 0; i < n; i++) {
                                p[i][j] = contraction * (p[i][j] - p[i][l - 1]) + p[i][l - 1];
                                size += Math.abs(p[i][j] - p[i][l - 1]);
                            }
                        }
                    }
                    if (size < oldsize) {
                        oldsize = size;
                    } else {
                        status = 10;
                        break;
                    }
                }
            }
        } while (funcount <= maxEvaluations);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p[i][l - 1];
        }
        if (funcount > maxEvaluations) {
            status = 1;
        }
        return new Result(x, p[n1 - 1][l - 1], funcount, status);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : BIG;
    }
}
