package io.trendcast.core.prepare;

import java.util.Arrays;

/** Order statistics on primitive arrays, ignoring {@code NaN}. */
final class RobustStats {

    private RobustStats() {
    }

    /** The {@code p}-quantile by linear interpolation between order statistics (R {@code quantile}, type 7). */
    static double quantile(double[] x, double p) {
        double[] s = finiteSorted(x);
        if (s.length == 0) {
            return Double.NaN;
        }
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    static double median(double[] x) {
        return quantile(x, 0.5);
    }

    /** Running median over a centred window of {@code width} points, shrinking symmetrically at the ends. */
    static double[] runningMedian(double[] x, int width) {
        int half = width / 2;
        int n = x.length;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            int k = Math.min(half, Math.min(t, n - 1 - t));
            out[t] = median(Arrays.copyOfRange(x, t - k, t + k + 1));
        }
        return out;
    }

    /** Centred three-point moving average, the end points left as they are. */
    static double[] hanning(double[] x) {
        double[] out = x.clone();
        for (int t = 1; t + 1 < x.length; t++) {
            out[t] = 0.25 * x[t - 1] + 0.5 * x[t] + 0.25 * x[t + 1];
        }
        return out;
    }

    /** Sample variance ignoring {@code NaN}. */
    static double variance(double[] x) {
        double sum = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return ss / (n - 1);
    }

    private static double[] finiteSorted(double[] x) {
        double[] s = new double[x.length];
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s[k++] = v;
            }
        }
        s = Arrays.copyOf(s, k);
        Arrays.sort(s);
        return s;
    }
}
