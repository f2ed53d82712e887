package io.trendcast.core.stat;

/** Small helpers on raw arrays shared by the tests in this package. */
public final class Series {

    private Series() {
    }

    /**
     * Whether all values equal the first up to R's {@code all.equal} tolerance (mean absolute difference relative
     * to the mean absolute value below 1.5e-8), as {@code forecast}'s {@code is.constant}.
     */
    public static boolean isConstant(double[] x) {
        if (x.length == 0) {
            return true;
        }
        double diff = 0;
        double mag = 0;
        for (double v : x) {
            diff += Math.abs(v - x[0]);
            mag += Math.abs(v);
        }
        diff /= x.length;
        mag /= x.length;
        double tol = 1.5e-8;
        return (Double.isFinite(mag) && mag > tol ? diff / mag : diff) <= tol;
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
