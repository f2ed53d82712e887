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
