package io.trendcast.core.stat;

/** Small helpers on raw arrays shared by the tests in this package. */
public final class Series {

    private Series() {
    }

    /** Lagged differences {@code x[t] - x[t - lag]}, of length {@code n - lag}. */
    public static double[] diff(double[] x, int lag) {
        int n = Math.max(0, x.length - lag);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = x[t + lag] - x[t];
        }
        return out;
    }

    /** Sample variance with denominator {@code n - 1}. */
    public static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }
}
