package io.trendcast.core.anomaly;

import java.util.Arrays;

/** Order statistics on primitive arrays, ignoring {@code NaN}. */
public final class Robust {

    /** Scales a median absolute deviation to a normal standard deviation. */
    public static final double MAD_TO_SD = 1.4826;

    private Robust() {
    }

    /** The median of the finite values of {@code x[from, to)}; {@code NaN} when there is none. */
    public static double median(double[] x, int from, int to) {
        double[] buffer = new double[Math.max(0, to - from)];
        int m = 0;
        for (int i = Math.max(0, from); i < Math.min(x.length, to); i++) {
            if (Double.isFinite(x[i])) {
                buffer[m++] = x[i];
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        Arrays.sort(buffer, 0, m);
        return m % 2 == 1 ? buffer[m / 2] : 0.5 * (buffer[m / 2 - 1] + buffer[m / 2]);
    }

    /** The median of the finite values of {@code x}. */
    public static double median(double[] x) {
        return median(x, 0, x.length);
    }

    /** A robust standard deviation: 1.4826 × the median absolute deviation from the median. */
    public static double sd(double[] x) {
        double m = median(x);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - m);
        }
        return MAD_TO_SD * median(dev);
    }

    /** Running median over a centred window of {@code width} points, shrinking at the ends. */
    public static double[] runningMedian(double[] x, int width) {
        int half = width / 2;
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = median(x, t - half, t + half + 1);
        }
        return out;
    }
}
