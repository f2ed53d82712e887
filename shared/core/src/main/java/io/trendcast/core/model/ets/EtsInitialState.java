package io.trendcast.core.model.ets;

import io.trendcast.core.decompose.ClassicalDecomposition;
import io.trendcast.core.model.ModelException;

/**
 * Starting values of the states, R's {@code initstate()} (Hyndman et al. 2002, §2.6; 2008, §2.6.1).
 *
 * <p>Seasonal models take the seasonal indices from a classical decomposition ({@code decompose}) when the series
 * covers at least three seasons ({@link ClassicalDecomposition}, R's
 * {@code decompose}), otherwise from a regression on a linear trend and one pair of Fourier terms;
 * the first {@code m − 1} indices become the seasonal states (most recent first), the last is implied by the
 * normalisation. The level and trend come from the seasonally adjusted first {@code max(10, 2m)} observations:
 * their mean without a trend, a least-squares line with one.
 *
 * <p>The returned vector is R's: {@code l, [b], s0 … s(m−2)} (the seasonal state {@code s(m−1)} is derived by
 * {@link EtsCalc#completeSeasons}).
 */
final class EtsInitialState {

    private EtsInitialState() {
    }

    /**
     * The initial states for a model with the given trend and season on {@code y} with period {@code m}.
     *
     * @throws ModelException when a seasonal model has fewer than four observations
     */
    static double[] of(double[] y, EtsComponent trend, EtsComponent season, int m) {
        int n = y.length;
        double[] ySa;
        double[] initSeas = null;
        int period = 1;
        if (season != EtsComponent.NONE) {
            period = m;
            if (n < 4) {
                throw new ModelException("not enough data for a seasonal model (n = " + n + ")");
            }
            double[] seasonal = n < 3 * m ? regressionSeasonal(y, m, season)
                    : ClassicalDecomposition.of(y, m, season == EtsComponent.ADDITIVE
                            ? ClassicalDecomposition.Type.ADDITIVE : ClassicalDecomposition.Type.MULTIPLICATIVE)
                    .seasonal();
            initSeas = new double[m - 1];
            for (int j = 0; j < m - 1; j++) {
                initSeas[j] = seasonal[m - 1 - j];
            }
            ySa = new double[n];
            if (season == EtsComponent.ADDITIVE) {
                for (int t = 0; t < n; t++) {
                    ySa[t] = y[t] - seasonal[t];
                }
            } else {
                double sum = 0;
                for (int j = 0; j < m - 1; j++) {
                    initSeas[j] = Math.max(initSeas[j], 0.01);
                    sum += initSeas[j];
                }
                if (sum > m) {
                    double denom = sum + 0.01 * (m - 1);
                    for (int j = 0; j < m - 1; j++) {
                        initSeas[j] /= denom;
                    }
                }
                for (int t = 0; t < n; t++) {
                    ySa[t] = y[t] / Math.max(seasonal[t], 0.01);
                }
            }
        } else {
            ySa = y;
        }
        int maxn = Math.min(Math.max(10, 2 * period), n);
        int nTrend = trend == EtsComponent.NONE ? 0 : 1;
        int nSeas = initSeas == null ? 0 : initSeas.length;
        double[] state = new double[1 + nTrend + nSeas];
        if (trend == EtsComponent.NONE) {
            double s = 0;
            for (int t = 0; t < maxn; t++) {
                s += ySa[t];
            }
            state[0] = s / maxn;
        } else {
            double[] fit = lineFit(ySa, maxn);
            double l0;
            double b0;
            if (trend == EtsComponent.ADDITIVE) {
                l0 = fit[0];
                b0 = fit[1];
                if (Math.abs(l0 + b0) < 1e-8) {
                    l0 = l0 * (1 + 0.001);
                    b0 = b0 * (1 - 0.001);
                }
            } else {
                l0 = fit[0] + fit[1];
                if (Math.abs(l0) < 1e-8) {
                    l0 = 1e-7;
                }
                b0 = (fit[0] + 2 * fit[1]) / l0;
                l0 = l0 / b0;
                if (Math.abs(b0) > 1e10) {
                    b0 = Math.signum(b0) * 1e10;
                }
                if (l0 < 1e-8 || b0 < 1e-8) {
                    l0 = Math.max(ySa[0], 0.001);
                    b0 = Math.max(ySa[1] / ySa[0], 0.001);
                }
            }
            state[0] = l0;
            state[1] = b0;
        }
        if (initSeas != null) {
            System.arraycopy(initSeas, 0, state, 1 + nTrend, nSeas);
        }
        return state;
    }

    /** Intercept and slope of the least-squares line through {@code (t, y[t-1])}, t = 1..k (R's {@code lsfit}). */
    private static double[] lineFit(double[] y, int k) {
        double mt = (k + 1) / 2.0;
        double my = 0;
        for (int t = 0; t < k; t++) {
            my += y[t];
        }
        my /= k;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < k; t++) {
            double dt = t + 1 - mt;
            sxy += dt * (y[t] - my);
            sxx += dt * dt;
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - slope * mt, slope};
    }

    /**
     * The short-series branch of R's {@code initstate}: fit {@code y ~ trend + fourier(y, 1)} by least squares and
     * return the series without (additive) or divided by (multiplicative) the fitted line.
     */
    private static double[] regressionSeasonal(double[] y, int m, EtsComponent season) {
        int n = y.length;
        boolean withSin = 2 != m;
        int k = withSin ? 4 : 3;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        double[] row = new double[k];
        for (int t = 0; t < n; t++) {
            double time = t + 1;
            row[0] = 1;
            row[1] = time;
            int c = 2;
            if (withSin) {
                row[c++] = Math.sin(2 * Math.PI * time / m);
            }
            row[c] = Math.cos(2 * Math.PI * time / m);
            for (int i = 0; i < k; i++) {
                xty[i] += row[i] * y[t];
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += row[i] * row[j];
                }
            }
        }
        double[] beta = solve(xtx, xty);
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            double line = beta[0] + beta[1] * (t + 1);
            seasonal[t] = season == EtsComponent.ADDITIVE ? y[t] - line : y[t] / line;
        }
        return seasonal;
    }

    /** Solves the small symmetric system {@code a x = b} by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tr = a[col];
            a[col] = a[piv];
            a[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            if (Math.abs(a[col][col]) < 1e-300) {
                throw new ModelException("singular regression for the initial seasonal states");
            }
            for (int r = col + 1; r < k; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < k; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < k; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
