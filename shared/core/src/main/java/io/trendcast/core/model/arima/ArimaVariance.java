package io.trendcast.core.model.arima;

import java.util.Arrays;

/**
 * The admissibility check {@code forecast}'s {@code checkarima} makes on a fit: the coefficient covariance
 * {@code Aᵀ (n·H)⁻¹ A} of R's {@code arima} (H the numerical Hessian of the objective at the optimum, A the Jacobian
 * of the PACF transformation, {@code ARIMA_Gradtrans}) must exist and have a non-negative diagonal. A fit on a
 * ridge or saddle of the likelihood fails it, and the search then treats the candidate as infinitely bad.
 */
final class ArimaVariance {

    private static final double JACOBIAN_STEP = 1e-3;
    private static final double SINGULAR = 1e-14;

    private ArimaVariance() {
    }

    /**
     * Whether the covariance of the coefficients has a valid diagonal.
     *
     * @param hessian   row-major Hessian of the objective on the optimiser's parameters
     * @param transPars parameters on the optimiser's scale (AR parts as atanh PACF when {@code transformed})
     */
    static boolean admissible(ArimaSpec s, double[] hessian, double[] transPars, int nUsed, boolean transformed) {
        int n = transPars.length;
        if (n == 0) {
            return true;
        }
        double[] a = transformed ? gradtrans(s, transPars) : identity(n);
        double[] hn = new double[n * n];
        double max = 0;
        for (int i = 0; i < n * n; i++) {
            hn[i] = hessian[i] * nUsed;
            max = Math.max(max, Math.abs(hn[i]));
        }
        double[] x = a.clone();
        if (!(max > 0) || !solve(hn, x, n, max)) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            double v = 0;
            for (int k = 0; k < n; k++) {
                v += a[k * n + j] * x[k * n + j];
            }
            if (!(v >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static double[] identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1.0;
        }
        return a;
    }

    /** {@code a[i][j] = ∂ new_j / ∂ raw_i} by forward differences of the PACF transformation (R's step 1e-3). */
    private static double[] gradtrans(ArimaSpec s, double[] raw) {
        int n = raw.length;
        double[] a = identity(n);
        block(raw, 0, s.p(), a, n);
        block(raw, s.p() + s.q(), s.sp(), a, n);
        return a;
    }

    private static void block(double[] raw, int off, int len, double[] a, int n) {
        if (len == 0) {
            return;
        }
        double[] w1 = Arrays.copyOf(raw, raw.length);
        double[] base = new double[raw.length];
        double[] bumped = new double[raw.length];
        ArimaPolynomials.partrans(w1, off, len, base);
        for (int i = 0; i < len; i++) {
            w1[off + i] += JACOBIAN_STEP;
            ArimaPolynomials.partrans(w1, off, len, bumped);
            for (int j = 0; j < len; j++) {
                a[(off + i) * n + off + j] = (bumped[off + j] - base[off + j]) / JACOBIAN_STEP;
            }
            w1[off + i] -= JACOBIAN_STEP;
        }
    }

    /** Solves {@code h X = b} for the n columns of row-major {@code b} in place; false when (nearly) singular. */
    private static boolean solve(double[] h, double[] b, int n, double scale) {
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(h[i * n + col]) > Math.abs(h[piv * n + col])) {
                    piv = i;
                }
            }
            double pv = h[piv * n + col];
            if (!(Math.abs(pv) > SINGULAR * scale)) {
                return false;
            }
            if (piv != col) {
                swapRows(h, n, piv, col);
                swapRows(b, n, piv, col);
            }
            for (int i = col + 1; i < n; i++) {
                double f = h[i * n + col] / pv;
                if (f != 0.0) {
                    for (int j = col; j < n; j++) {
                        h[i * n + j] -= f * h[col * n + j];
                    }
                    for (int j = 0; j < n; j++) {
                        b[i * n + j] -= f * b[col * n + j];
                    }
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int j = 0; j < n; j++) {
                double s = b[i * n + j];
                for (int k = i + 1; k < n; k++) {
                    s -= h[i * n + k] * b[k * n + j];
                }
                b[i * n + j] = s / h[i * n + i];
            }
        }
        return true;
    }

    private static void swapRows(double[] m, int n, int r1, int r2) {
        for (int j = 0; j < n; j++) {
            double t = m[r1 * n + j];
            m[r1 * n + j] = m[r2 * n + j];
            m[r2 * n + j] = t;
        }
    }
}
