package io.trendcast.core.model.arima;

import java.util.Arrays;

/**
 * Exact Gaussian likelihood of a stationary ARMA process by the Kalman filter, in the state-space form of R's
 * {@code makeARIMA}/{@code ARIMA_Like} (Harvey's representation with state dimension {@code r = max(p, q + 1)}),
 * and {@code KalmanForecast} for prediction.
 *
 * <p>R runs the filter on the undifferenced series with a diffuse prior ({@code kappa = 1e6}) on the differencing
 * states and drops the diffuse observations from the likelihood; in the limit that equals the exact likelihood of
 * the differenced series, which is what {@link #run} evaluates, with a state of dimension {@code r} instead of
 * {@code r + d + D·m}. The initial state covariance comes from {@link ArmaCovariance}. Once the filtered covariance has converged (invertible models) the filter switches to the "quick
 * recursions" of Gardner et al. (1980), which leave the likelihood unchanged to rounding.
 */
final class ArimaKalman {

    /** Observations with a prediction variance above this are dropped from the likelihood, as in R. */
    private static final double DIFFUSE_GAIN = 1e4;
    private static final double CONVERGED = 1e-12;
    /** The Chandrasekhar recursions stop once the rank-one change of the covariance is this small relative to F. */
    private static final double STEADY = 1e-14;

    private ArimaKalman() {
    }

    /**
     * Result of a filter pass.
     *
     * @param ssq    sum of squared standardised innovations
     * @param sumlog sum of log prediction variances (in units of σ²)
     * @param nu     number of observations used
     * @param a      filtered state after the last observation (length r)
     * @param p      its covariance, row-major r×r
     * @param resid  standardised innovations, or null when not requested
     */
    record Pass(double ssq, double sumlog, int nu, double[] a, double[] p, double[] resid) {

        /** R's {@code armafn} objective: {@code 0.5·(log(ssq/nu) + sumlog/nu)}. */
        double objective() {
            return 0.5 * (Math.log(ssq / nu) + sumlog / nu);
        }
    }

    /**
     * Filters the stationary series {@code w} through ARMA({@code phi}, {@code theta}) with σ² = 1.
     *
     * @return the pass, or null when the initial covariance cannot be computed (non-stationary AR)
     */
    static Pass run(double[] w, double[] phi, double[] theta, boolean keepResiduals) {
        int p = phi.length;
        int q = theta.length;
        int r = Math.max(p, q + 1);
        double[] pm = ArmaCovariance.initialCovariance(phi, theta, r);
        if (pm == null) {
            return null;
        }
        double[] v = new double[r];
        v[0] = 1.0;
        for (int i = 1; i < r; i++) {
            v[i] = i - 1 < q ? theta[i - 1] : 0.0;
        }
        double[] a = new double[r];
        double[] anew = new double[r];
        double[] pnew = new double[r * r];
        double[] mvec = new double[r];
        double[] resid = keepResiduals ? new double[w.length] : null;
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        boolean quick = false;
        System.arraycopy(pm, 0, pnew, 0, r * r);
        for (int l = 0; l < w.length; l++) {
            for (int i = 0; i < r; i++) {
                double tmp = i < r - 1 ? a[i + 1] : 0.0;
                if (i < p) {
                    tmp += phi[i] * a[0];
                }
                anew[i] = tmp;
            }
            double res0 = w[l] - anew[0];
            if (quick) {
                for (int i = 0; i < r; i++) {
                    a[i] = anew[i] + v[i] * res0;
                }
                ssq += res0 * res0;
                nu++;
                if (resid != null) {
                    resid[l] = res0;
                }
                continue;
            }
            if (l > 0) {
                predictCovariance(phi, v, pm, pnew, r);
            }
            double gain = pnew[0];
            if (gain < DIFFUSE_GAIN) {
                nu++;
                ssq += res0 * res0 / gain;
                sumlog += Math.log(gain);
            }
            if (resid != null) {
                resid[l] = res0 / Math.sqrt(gain);
            }
            for (int i = 0; i < r; i++) {
                mvec[i] = pnew[i];
                a[i] = anew[i] + mvec[i] * res0 / gain;
            }
            double maxAbs = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double val = pnew[i * r + j] - mvec[i] * mvec[j] / gain;
                    pm[i * r + j] = val;
                    maxAbs = Math.max(maxAbs, Math.abs(val));
                }
            }
            quick = maxAbs < CONVERGED;
        }
        if (quick) {
            Arrays.fill(pm, 0.0);
        }
        return new Pass(ssq, sumlog, nu, a, pm, resid);
    }

    /**
     * R's {@code armafn} objective {@code 0.5·(log(ssq/nu) + sumlog/nu)} by the Chandrasekhar recursions (Morf,
     * Sidhu &amp; Kailath 1974): started from the stationary covariance, the change of the prediction covariance
     * has rank one, {@code ΔP = W M Wᵀ}, so each step costs O(r) instead of the O(r²) Riccati update of
     * {@link #run}, with the same innovations and variances. Once {@code ΔP} is negligible the gain is frozen.
     *
     * @return the objective, or NaN when the initial covariance cannot be computed (non-stationary AR)
     */
    static double objective(double[] w, double[] phi, double[] theta) {
        int p = phi.length;
        int r = Math.max(p, theta.length + 1);
        double[] p0 = ArmaCovariance.initialCovariance(phi, theta, r);
        if (p0 == null) {
            return Double.NaN;
        }
        double[] a = new double[r];
        double[] k = new double[r];
        double[] wv = new double[r];
        double[] tw = new double[r];
        double f = p0[0];
        for (int i = 0; i < r; i++) {
            double s = i < r - 1 ? p0[i + 1] : 0.0;
            if (i < p) {
                s += phi[i] * p0[0];
            }
            k[i] = s / f;
            wv[i] = s;
        }
        double mm = -1.0 / f;
        int[] ip = ArimaCss.nonZero(phi);
        double ssq = 0;
        double sumlog = 0;
        int nu = 0;
        boolean steady = false;
        for (int l = 0; l < w.length; l++) {
            double v = w[l] - a[0];
            if (f < DIFFUSE_GAIN) {
                nu++;
                ssq += v * v / f;
                sumlog += Math.log(f);
            }
            double a0 = a[0];
            for (int i = 0; i < r - 1; i++) {
                a[i] = a[i + 1] + k[i] * v;
            }
            a[r - 1] = k[r - 1] * v;
            for (int j : ip) {
                a[j] += phi[j] * a0;
            }
            if (steady) {
                continue;
            }
            double zw = wv[0];
            double fNext = f + zw * zw * mm;
            System.arraycopy(wv, 1, tw, 0, r - 1);
            tw[r - 1] = 0.0;
            for (int j : ip) {
                tw[j] += phi[j] * zw;
            }
            double c = mm * zw;
            double wmax = 0;
            for (int i = 0; i < r; i++) {
                double ki = (k[i] * f + tw[i] * c) / fNext;
                k[i] = ki;
                double wi = tw[i] - ki * zw;
                wv[i] = wi;
                wmax = Math.max(wmax, Math.abs(wi));
            }
            mm += mm * c * zw / f;
            f = fNext;
            steady = wmax * wmax * Math.abs(mm) < STEADY * f;
        }
        return 0.5 * (Math.log(ssq / nu) + sumlog / nu);
    }

    /** {@code pnew = T P Tᵀ + V} for the ARMA block (R's {@code d == 0} branch of {@code ARIMA_Like}). */
    private static void predictCovariance(double[] phi, double[] v, double[] pm, double[] pnew, int r) {
        int p = phi.length;
        double p00 = pm[0];
        for (int i = 0; i < r; i++) {
            double phii = i < p ? phi[i] : 0.0;
            for (int j = i; j < r; j++) {
                double phij = j < p ? phi[j] : 0.0;
                double tmp = v[i] * v[j] + phii * phij * p00;
                if (i < r - 1 && j < r - 1) {
                    tmp += pm[(i + 1) * r + j + 1];
                }
                if (j < r - 1) {
                    tmp += phii * pm[j + 1];
                }
                if (i < r - 1) {
                    tmp += phij * pm[i + 1];
                }
                pnew[i * r + j] = tmp;
                pnew[j * r + i] = tmp;
            }
        }
    }

    /**
     * R's {@code KalmanForecast} for the full ARIMA state (ARMA block of dimension r followed by the d lagged
     * levels that undo the differencing {@code delta}).
     *
     * @param a0 state after the last observation (length r + d)
     * @param p0 its covariance, row-major
     * @return {@code {mean, variance}} per step, variance in units of σ²
     */
    static double[][] forecast(double[] phi, double[] theta, double[] delta, double[] a0, double[] p0, int h) {
        int p = phi.length;
        int q = theta.length;
        int r = Math.max(p, q + 1);
        int d = delta.length;
        int rd = r + d;
        double[] tm = new double[rd * rd];
        for (int i = 0; i < p; i++) {
            tm[i * rd] = phi[i];
        }
        for (int i = 1; i < r; i++) {
            tm[(i - 1) * rd + i] = 1.0;
        }
        if (d > 0) {
            tm[r * rd] = 1.0;
            for (int i = 0; i < d; i++) {
                tm[r * rd + r + i] = delta[i];
            }
            for (int i = 1; i < d; i++) {
                tm[(r + i) * rd + r + i - 1] = 1.0;
            }
        }
        double[] rv = new double[rd];
        rv[0] = 1.0;
        for (int i = 1; i <= q; i++) {
            rv[i] = theta[i - 1];
        }
        double[] z = new double[rd];
        z[0] = 1.0;
        System.arraycopy(delta, 0, z, r, d);
        double[] a = a0.clone();
        double[] pm = p0.clone();
        double[] tmp = new double[rd];
        double[] mm = new double[rd * rd];
        double[] mean = new double[h];
        double[] var = new double[h];
        for (int l = 0; l < h; l++) {
            double fc = 0;
            for (int i = 0; i < rd; i++) {
                double s = 0;
                for (int k = 0; k < rd; k++) {
                    s += tm[i * rd + k] * a[k];
                }
                tmp[i] = s;
                fc += z[i] * s;
            }
            System.arraycopy(tmp, 0, a, 0, rd);
            mean[l] = fc;
            for (int i = 0; i < rd; i++) {
                for (int j = 0; j < rd; j++) {
                    double s = 0;
                    for (int k = 0; k < rd; k++) {
                        s += tm[i * rd + k] * pm[k * rd + j];
                    }
                    mm[i * rd + j] = s;
                }
            }
            double v = 0;
            for (int i = 0; i < rd; i++) {
                for (int j = 0; j < rd; j++) {
                    double s = rv[i] * rv[j];
                    for (int k = 0; k < rd; k++) {
                        s += mm[i * rd + k] * tm[j * rd + k];
                    }
                    pm[i * rd + j] = s;
                }
            }
            for (int i = 0; i < rd; i++) {
                for (int j = 0; j < rd; j++) {
                    v += z[i] * pm[i * rd + j] * z[j];
                }
            }
            var[l] = v;
        }
        return new double[][] {mean, var};
    }
}
