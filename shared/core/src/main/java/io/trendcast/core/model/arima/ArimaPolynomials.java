package io.trendcast.core.model.arima;

/**
 * Operations on ARMA lag polynomials as in R's {@code stats::arima} C code: the PACF re-parameterisation that keeps
 * autoregressions stationary ({@code partrans}, Jones 1980), the expansion of seasonal factors into one polynomial
 * ({@code ARIMA_transPars}), moving-average root flipping ({@code maInvert}) and root moduli (as {@code polyroot}).
 */
final class ArimaPolynomials {

    private static final int MAX_ROOT_ITERATIONS = 500;

    private ArimaPolynomials() {
    }

    /** Maps unconstrained values to a stationary AR(p): tanh to partial autocorrelations, then Durbin–Levinson. */
    static void partrans(double[] raw, int offset, int p, double[] out) {
        double[] work = new double[p];
        for (int j = 0; j < p; j++) {
            out[offset + j] = Math.tanh(raw[offset + j]);
            work[j] = out[offset + j];
        }
        for (int j = 1; j < p; j++) {
            double a = out[offset + j];
            for (int k = 0; k < j; k++) {
                work[k] -= a * out[offset + j - k - 1];
            }
            System.arraycopy(work, 0, out, offset, j);
        }
    }

    /** Inverse of {@link #partrans}: AR coefficients back to atanh of the partial autocorrelations. */
    static void invpartrans(double[] phi, int offset, int p, double[] out) {
        double[] cur = new double[p];
        double[] work = new double[p];
        System.arraycopy(phi, offset, cur, 0, p);
        for (int j = p - 1; j > 0; j--) {
            double a = cur[j];
            for (int k = 0; k < j; k++) {
                work[k] = (cur[k] + a * cur[j - k - 1]) / (1 - a * a);
            }
            System.arraycopy(work, 0, cur, 0, j);
        }
        for (int j = 0; j < p; j++) {
            out[offset + j] = atanh(cur[j]);
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /**
     * Multiplies out the non-seasonal and seasonal factors: returns {@code {phi, theta}} of lengths
     * {@code p + m·P} and {@code q + m·Q}, with {@code (1 - Σφ B^i)} and {@code (1 + Σθ B^i)} sign conventions.
     *
     * @param coef {@code ar[p], ma[q], sar[P], sma[Q]} (already transformed if needed)
     */
    static double[][] expand(ArimaSpec s, double[] coef) {
        int m = s.period();
        double[] phi = new double[s.p() + m * s.sp()];
        double[] theta = new double[s.q() + m * s.sq()];
        int ma = s.p();
        int sar = ma + s.q();
        int sma = sar + s.sp();
        System.arraycopy(coef, 0, phi, 0, s.p());
        System.arraycopy(coef, ma, theta, 0, s.q());
        for (int j = 0; j < s.sp(); j++) {
            double sj = coef[sar + j];
            phi[(j + 1) * m - 1] += sj;
            for (int i = 0; i < s.p(); i++) {
                phi[(j + 1) * m + i] -= coef[i] * sj;
            }
        }
        for (int j = 0; j < s.sq(); j++) {
            double sj = coef[sma + j];
            theta[(j + 1) * m - 1] += sj;
            for (int i = 0; i < s.q(); i++) {
                theta[(j + 1) * m + i] += coef[ma + i] * sj;
            }
        }
        return new double[][] {phi, theta};
    }

    /**
     * Reflects the roots of {@code 1 + Σ ma[i] B^i} that lie inside the unit circle, giving the invertible moving
     * average with the same autocovariances (R's {@code maInvert}). Works on {@code ma[offset..offset+q)} in place.
     */
    static void maInvert(double[] ma, int offset, int q) {
        int q0 = q;
        while (q0 > 0 && ma[offset + q0 - 1] == 0.0) {
            q0--;
        }
        if (q0 == 0) {
            return;
        }
        double[] poly = new double[q0 + 1];
        poly[0] = 1.0;
        System.arraycopy(ma, offset, poly, 1, q0);
        double[][] roots = roots(poly);
        boolean any = false;
        for (int i = 0; i < q0; i++) {
            if (Math.hypot(roots[0][i], roots[1][i]) < 1) {
                any = true;
            }
        }
        if (!any) {
            return;
        }
        if (q0 == 1) {
            ma[offset] = 1 / ma[offset];
            return;
        }
        double[] re = new double[q0 + 1];
        double[] im = new double[q0 + 1];
        re[0] = 1.0;
        for (int k = 0; k < q0; k++) {
            double rr = roots[0][k];
            double ri = roots[1][k];
            double mod2 = rr * rr + ri * ri;
            if (Math.sqrt(mod2) < 1) {
                rr = rr / mod2;
                ri = -ri / mod2;
                mod2 = rr * rr + ri * ri;
            }
            double ir = rr / mod2;
            double ii = -ri / mod2;
            for (int j = k + 1; j >= 1; j--) {
                double pr = re[j - 1] * ir - im[j - 1] * ii;
                double pi = re[j - 1] * ii + im[j - 1] * ir;
                re[j] -= pr;
                im[j] -= pi;
            }
        }
        for (int i = 0; i < q0; i++) {
            ma[offset + i] = re[i + 1];
        }
    }

    /**
     * Smallest modulus among the roots of {@code 1 + sign·Σ c[i] B^i}; coefficients below 1e-8 in absolute value at
     * the end are dropped first, as {@code forecast}'s {@code myarima} does. Returns +∞ for a constant polynomial.
     */
    static double minRootModulus(double[] c, double sign) {
        int last = c.length;
        while (last > 0 && Math.abs(c[last - 1]) <= 1e-8) {
            last--;
        }
        if (last == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] poly = new double[last + 1];
        poly[0] = 1.0;
        for (int i = 0; i < last; i++) {
            poly[i + 1] = sign * c[i];
        }
        double[][] r = roots(poly);
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < last; i++) {
            min = Math.min(min, Math.hypot(r[0][i], r[1][i]));
        }
        return min;
    }

    /** Whether all roots of {@code 1 - Σ ar[i] B^i} lie outside the unit circle (R's {@code arCheck}). */
    static boolean arCheck(double[] ar, int offset, int p) {
        double[] c = new double[p];
        System.arraycopy(ar, offset, c, 0, p);
        int last = p;
        while (last > 0 && c[last - 1] == 0.0) {
            last--;
        }
        if (last == 0) {
            return true;
        }
        double[] poly = new double[last + 1];
        poly[0] = 1.0;
        for (int i = 0; i < last; i++) {
            poly[i + 1] = -c[i];
        }
        double[][] r = roots(poly);
        for (int i = 0; i < last; i++) {
            if (!(Math.hypot(r[0][i], r[1][i]) > 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Complex roots of {@code Σ poly[i] z^i} (leading coefficient non-zero) by the Durand–Kerner iteration
     * followed by Newton polishing; returns {@code {re[], im[]}}.
     */
    static double[][] roots(double[] poly) {
        int n = poly.length - 1;
        double lead = poly[n];
        double[] a = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            a[i] = poly[i] / lead;
        }
        double[] re = new double[n];
        double[] im = new double[n];
        double radius = 0;
        for (int i = 0; i < n; i++) {
            radius = Math.max(radius, Math.abs(a[i]));
        }
        radius = 1 + radius;
        for (int k = 0; k < n; k++) {
            double ang = 2 * Math.PI * k / n + 0.4;
            re[k] = 0.5 * radius * Math.cos(ang);
            im[k] = 0.5 * radius * Math.sin(ang);
        }
        for (int iter = 0; iter < MAX_ROOT_ITERATIONS; iter++) {
            double change = 0;
            for (int k = 0; k < n; k++) {
                double vr = 1;
                double vi = 0;
                for (int i = n - 1; i >= 0; i--) {
                    double t = vr * re[k] - vi * im[k] + a[i];
                    vi = vr * im[k] + vi * re[k];
                    vr = t;
                }
                double dr = 1;
                double di = 0;
                for (int j = 0; j < n; j++) {
                    if (j != k) {
                        double xr = re[k] - re[j];
                        double xi = im[k] - im[j];
                        double t = dr * xr - di * xi;
                        di = dr * xi + di * xr;
                        dr = t;
                    }
                }
                double den = dr * dr + di * di;
                if (den == 0) {
                    re[k] += 1e-10;
                    continue;
                }
                double qr = (vr * dr + vi * di) / den;
                double qi = (vi * dr - vr * di) / den;
                re[k] -= qr;
                im[k] -= qi;
                change = Math.max(change, Math.hypot(qr, qi) / Math.max(1, Math.hypot(re[k], im[k])));
            }
            if (change < 1e-15) {
                break;
            }
        }
        return new double[][] {re, im};
    }
}
