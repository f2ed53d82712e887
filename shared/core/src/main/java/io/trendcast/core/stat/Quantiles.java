package io.trendcast.core.stat;

import java.util.Arrays;

/** Sample quantiles of primitive arrays. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code p}-quantile by linear interpolation between order statistics (R {@code quantile}, type 7), ignoring
     * {@code NaN}; {@code NaN} when nothing is left.
     */
    public static double type7(double[] x, double p) {
        double[] s = new double[x.length];
        int k = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s[k++] = v;
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        s = Arrays.copyOf(s, k);
        Arrays.sort(s);
        double h = (k - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(k - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
