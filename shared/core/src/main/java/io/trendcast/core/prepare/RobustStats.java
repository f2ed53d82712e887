package io.trendcast.core.prepare;

import io.trendcast.core.stat.Quantiles;
import java.util.Arrays;

/** Order statistics on primitive arrays, ignoring {@code NaN}. */
final class RobustStats {

    private RobustStats() {
    }

    static double median(double[] x) {
        return Quantiles.type7(x, 0.5);
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
}
