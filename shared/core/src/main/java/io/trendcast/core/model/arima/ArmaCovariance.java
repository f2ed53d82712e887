package io.trendcast.core.model.arima;

/**
 * The stationary covariance of the ARMA state vector (R's {@code getQ0}), the solution of {@code P = T P Tᵀ + R Rᵀ}.
 * Instead of Gardner, Harvey &amp; Phillips's (1980) linear system of size {@code r(r+1)/2}, which costs O(r⁶) for
 * seasonal models, it is built from the ARMA autocovariances in O(p³ + r²); the matrix is the same.
 */
final class ArmaCovariance {

    private ArmaCovariance() {
    }

    /**
     * Stationary covariance of the ARMA state (R's {@code getQ0}): the first row from the autocovariances γ and
     * the ψ-weights, the rest from {@code P[i][j] = φᵢφⱼP₀₀ + φᵢP₀,ⱼ₊₁ + φⱼPᵢ₊₁,₀ + Pᵢ₊₁,ⱼ₊₁ + RᵢRⱼ}.
     *
     * @return row-major r×r matrix, or null when the autoregression is not stationary
     */
    static double[] initialCovariance(double[] phi, double[] theta, int r) {
        int p = phi.length;
        int q = theta.length;
        double[] pm = new double[r * r];
        if (r == 1) {
            pm[0] = p > 0 ? 1.0 / (1.0 - phi[0] * phi[0]) : 1.0;
            return pm[0] > 0 && Double.isFinite(pm[0]) ? pm : null;
        }
        double[] psi = new double[r + 1];
        psi[0] = 1.0;
        for (int j = 1; j <= r; j++) {
            double s = j <= q ? theta[j - 1] : 0.0;
            for (int k = 1; k <= Math.min(j, p); k++) {
                s += phi[k - 1] * psi[j - k];
            }
            psi[j] = s;
        }
        double[] gamma = autocovariances(phi, theta, psi, r + 1);
        if (gamma == null) {
            return null;
        }
        for (int j = 0; j < r; j++) {
            double s = 0;
            for (int k = j; k < r; k++) {
                if (k < p) {
                    s += phi[k] * gamma[k - j + 1];
                }
                double tk = k == 0 ? 1.0 : (k <= q ? theta[k - 1] : 0.0);
                s += tk * psi[k - j];
            }
            pm[j] = s;
            pm[j * r] = s;
        }
        double p00 = pm[0];
        for (int i = r - 1; i >= 1; i--) {
            double phii = i < p ? phi[i] : 0.0;
            double ri = i <= q ? theta[i - 1] : 0.0;
            for (int j = r - 1; j >= i; j--) {
                double phij = j < p ? phi[j] : 0.0;
                double rj = j <= q ? theta[j - 1] : 0.0;
                double tmp = phii * phij * p00 + ri * rj;
                if (j + 1 < r) {
                    tmp += phii * pm[j + 1] + pm[(i + 1) * r + j + 1];
                }
                if (i + 1 < r) {
                    tmp += phij * pm[i + 1];
                }
                pm[i * r + j] = tmp;
                pm[j * r + i] = tmp;
            }
        }
        return Double.isFinite(pm[0]) && pm[0] > 0 ? pm : null;
    }

    /** Autocovariances γ(0..lags-1) of ARMA(φ, θ) with unit innovation variance, or null if not stationary. */
    static double[] autocovariances(double[] phi, double[] theta, double[] psi, int lags) {
        int p = phi.length;
        int q = theta.length;
        int len = Math.max(lags, p + 1);
        double[] c = new double[len];
        for (int k = 0; k <= q && k < len; k++) {
            double s = 0;
            for (int j = k; j <= q; j++) {
                double tj = j == 0 ? 1.0 : theta[j - 1];
                s += tj * psiAt(phi, theta, psi, j - k);
            }
            c[k] = s;
        }
        double[] gamma = new double[len];
        if (p == 0) {
            System.arraycopy(c, 0, gamma, 0, len);
            return gamma;
        }
        int n = p + 1;
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            a[k * n + k] += 1.0;
            for (int i = 1; i <= p; i++) {
                a[k * n + Math.abs(k - i)] -= phi[i - 1];
            }
            b[k] = c[k];
        }
        if (!solve(a, b, n)) {
            return null;
        }
        System.arraycopy(b, 0, gamma, 0, n);
        for (int k = n; k < len; k++) {
            double s = c[k];
            for (int i = 1; i <= p; i++) {
                s += phi[i - 1] * gamma[k - i];
            }
            gamma[k] = s;
        }
        return gamma;
    }

    private static double psiAt(double[] phi, double[] theta, double[] psi, int j) {
        if (j < psi.length) {
            return psi[j];
        }
        double[] ext = new double[j + 1];
        ext[0] = 1.0;
        for (int i = 1; i <= j; i++) {
            double s = i <= theta.length ? theta[i - 1] : 0.0;
            for (int k = 1; k <= Math.min(i, phi.length); k++) {
                s += phi[k - 1] * ext[i - k];
            }
            ext[i] = s;
        }
        return ext[j];
    }

    /** Solves {@code a x = b} in place by Gaussian elimination with partial pivoting; false when singular. */
    private static boolean solve(double[] a, double[] b, int n) {
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i * n + col]) > Math.abs(a[piv * n + col])) {
                    piv = i;
                }
            }
            double pv = a[piv * n + col];
            if (Math.abs(pv) < 1e-300 || !Double.isFinite(pv)) {
                return false;
            }
            if (piv != col) {
                for (int j = 0; j < n; j++) {
                    double t = a[col * n + j];
                    a[col * n + j] = a[piv * n + j];
                    a[piv * n + j] = t;
                }
                double t = b[col];
                b[col] = b[piv];
                b[piv] = t;
            }
            for (int i = col + 1; i < n; i++) {
                double f = a[i * n + col] / pv;
                if (f != 0.0) {
                    for (int j = col; j < n; j++) {
                        a[i * n + j] -= f * a[col * n + j];
                    }
                    b[i] -= f * b[col];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i * n + j] * b[j];
            }
            b[i] = s / a[i * n + i];
        }
        return true;
    }
}
