package io.trendcast.core.stat;

/**
 * The sample autocorrelation function, as R's {@code acf(x, type = "correlation", demean = TRUE)}: autocovariances
 * with divisor {@code n} (not {@code n - k}), divided by the lag-0 autocovariance.
 */
public final class Acf {

    private Acf() {
    }

    /**
     * Autocorrelations at lags 0..{@code maxLag}; element 0 is 1. A constant series has no defined
     * autocorrelation: every lag above 0 is then {@code NaN}, as in R.
     *
     * @throws IllegalArgumentException when {@code maxLag} is negative or not below the series length
     */
    public static double[] of(double[] x, int maxLag) {
        int n = x.length;
        if (maxLag < 0 || maxLag >= n) {
            throw new IllegalArgumentException("maxLag must be in [0, " + (n - 1) + "], was " + maxLag);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = x[t] - mean;
        }
        double c0 = 0;
        for (double v : d) {
            c0 += v * v;
        }
        double[] r = new double[maxLag + 1];
        r[0] = 1;
        for (int k = 1; k <= maxLag; k++) {
            double c = 0;
            for (int t = 0; t + k < n; t++) {
                c += d[t] * d[t + k];
            }
            r[k] = c0 > 0 ? c / c0 : Double.NaN;
        }
        return r;
    }
}
