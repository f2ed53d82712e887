package io.trendcast.core.model.arima;

/**
 * Conditional sum of squares of an ARIMA model (R's {@code ARIMA_CSS}): the series is differenced, the first
 * {@code ncond = d + D·m + p + P·m} innovations are taken as zero and the rest follow the ARMA recursion. Used for
 * starting values of the maximum-likelihood fit and, in the stepwise search of long series, as the fit itself.
 */
final class ArimaCss {

    private ArimaCss() {
    }

    /**
     * Mean squared conditional innovation {@code ssq / nu}, writing the innovations into {@code resid} when it is
     * not null (the first {@code ncond} are zero).
     *
     * @param y     the undifferenced series (already minus any regression term)
     * @param phi   expanded AR polynomial
     * @param theta expanded MA polynomial
     */
    static double meanSquare(double[] y, ArimaSpec s, double[] phi, double[] theta, int ncond, double[] resid,
                             double[] work) {
        int n = y.length;
        double[] w = work;
        System.arraycopy(y, 0, w, 0, n);
        difference(w, s);
        double[] res = resid != null ? resid : new double[n];
        for (int l = 0; l < Math.min(ncond, n); l++) {
            res[l] = 0;
        }
        int[] ip = nonZero(phi);
        int[] iq = nonZero(theta);
        double ssq = 0;
        int nu = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j : ip) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int lim = l - ncond;
            for (int j : iq) {
                if (j >= lim) {
                    break;
                }
                tmp -= theta[j] * res[l - j - 1];
            }
            res[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }

    /**
     * The sum of squared conditional innovations and its exact gradient by reverse-mode differentiation of the
     * recursion: one backward pass gives the derivatives with respect to every expanded AR and MA coefficient and
     * every differenced observation, at the cost of about two evaluations, where central differences cost two per
     * parameter. For series without missing values only.
     *
     * @param y      the undifferenced series (already minus any regression term)
     * @param gPhi   receives d ssq / d phi (length of {@code phi})
     * @param gTheta receives d ssq / d theta (length of {@code theta})
     * @param gW     receives d ssq / d w, w the differenced series (length n)
     * @param work   scratch of length n (the differenced series)
     * @param resid  scratch of length n (the innovations)
     * @param lambda scratch of length n (d ssq / d innovation)
     * @return the sum of squares; the number of terms is {@code n - ncond}
     */
    static double sumSquaresGradient(double[] y, ArimaSpec s, double[] phi, double[] theta, int ncond,
                                     double[] gPhi, double[] gTheta, double[] gW, double[] work, double[] resid,
                                     double[] lambda) {
        int n = y.length;
        double[] w = work;
        System.arraycopy(y, 0, w, 0, n);
        difference(w, s);
        double[] res = resid;
        int start = Math.min(ncond, n);
        for (int l = 0; l < start; l++) {
            res[l] = 0;
        }
        int[] ip = nonZero(phi);
        int[] iq = nonZero(theta);
        double ssq = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j : ip) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int lim = l - ncond;
            for (int j : iq) {
                if (j >= lim) {
                    break;
                }
                tmp -= theta[j] * res[l - j - 1];
            }
            res[l] = tmp;
            ssq += tmp * tmp;
        }
        // Backward pass: lambda[l] = d ssq / d e_l.
        for (int l = n - 1; l >= ncond; l--) {
            double acc = 2 * res[l];
            for (int j : iq) {
                int k = l + j + 1;
                if (k >= n) {
                    break;
                }
                acc -= theta[j] * lambda[k];
            }
            lambda[l] = acc;
        }
        java.util.Arrays.fill(gPhi, 0.0);
        java.util.Arrays.fill(gTheta, 0.0);
        for (int j : structural(s.p(), s.sp(), s.period(), phi.length)) {
            double g = 0;
            for (int l = ncond; l < n; l++) {
                g -= lambda[l] * w[l - j - 1];
            }
            gPhi[j] = g;
        }
        for (int j : structural(s.q(), s.sq(), s.period(), theta.length)) {
            double g = 0;
            for (int l = ncond + j + 1; l < n; l++) {
                g -= lambda[l] * res[l - j - 1];
            }
            gTheta[j] = g;
        }
        for (int m = 0; m < n; m++) {
            double g = m >= ncond ? lambda[m] : 0.0;
            for (int j : ip) {
                int k = m + j + 1;
                if (k >= n) {
                    break;
                }
                if (k >= ncond) {
                    g -= phi[j] * lambda[k];
                }
            }
            gW[m] = g;
        }
        return ssq;
    }

    /**
     * Indices of an expanded polynomial that depend on a parameter (non-seasonal lags, seasonal lags and their
     * products), whatever the parameters' current values: the gradient is needed at zero coefficients too.
     */
    private static int[] structural(int order, int seasonalOrder, int period, int length) {
        boolean[] used = new boolean[length];
        for (int i = 0; i < order; i++) {
            used[i] = true;
        }
        for (int j = 0; j < seasonalOrder; j++) {
            used[(j + 1) * period - 1] = true;
            for (int i = 0; i < order; i++) {
                used[(j + 1) * period + i] = true;
            }
        }
        int k = 0;
        int[] idx = new int[length];
        for (int i = 0; i < length; i++) {
            if (used[i]) {
                idx[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(idx, k);
    }

    /** Applies the model's regular and seasonal differences in place, as {@link #meanSquare} does. */
    static void difference(double[] w, ArimaSpec s) {
        int n = w.length;
        for (int i = 0; i < s.d(); i++) {
            for (int l = n - 1; l > 0; l--) {
                w[l] -= w[l - 1];
            }
        }
        int ns = s.period();
        for (int i = 0; i < s.sd(); i++) {
            for (int l = n - 1; l >= ns; l--) {
                w[l] -= w[l - ns];
            }
        }
    }

    /** Indices of the non-zero coefficients, ascending (seasonal expansions are mostly zeros). */
    static int[] nonZero(double[] c) {
        int k = 0;
        for (double v : c) {
            if (v != 0.0) {
                k++;
            }
        }
        int[] idx = new int[k];
        k = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] != 0.0) {
                idx[k++] = i;
            }
        }
        return idx;
    }
}
