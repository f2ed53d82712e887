package io.trendcast.core.decompose;

import java.util.Arrays;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae &amp; Terpenning 1990, <i>J. Official
 * Statistics</i> 6(1)), a port of the Fortran behind R's {@code stats::stl}: inner loops of cycle-subseries
 * smoothing, low-pass filtering and trend smoothing; optional robustness iterations with bisquare weights; and
 * R's defaults for the windows ({@code t.window = nextodd(1.5·m / (1 - 1.5/s.window))}, {@code l.window} the next
 * odd number from m, jumps of a tenth of each window). With {@code periodic()} the seasonal window is
 * {@code 10·n + 1} and the seasonal component is replaced by its cycle means, as {@code s.window = "periodic"}.
 * Immutable configuration; {@link #decompose} is thread-safe.
 */
public final class Stl {

    /**
     * The components, each the length of the series.
     *
     * @param weights robustness weights (all 1 without robustness iterations)
     */
    public record Result(double[] seasonal, double[] trend, double[] remainder, double[] weights) {
    }

    private final int period;
    private final Integer seasonalWindow;
    private final boolean robust;

    private Stl(Builder b) {
        this.period = b.period;
        this.seasonalWindow = b.seasonalWindow;
        this.robust = b.robust;
    }

    /** Starts a configuration for seasonal period {@code period ≥ 2}. */
    public static Builder builder(int period) {
        return new Builder(period);
    }

    /** Builder; defaults: periodic seasonal window, no robustness iterations. */
    public static final class Builder {
        private final int period;
        private Integer seasonalWindow;
        private boolean robust;

        private Builder(int period) {
            if (period < 2) {
                throw new IllegalArgumentException("STL needs a period of at least 2, was " + period);
            }
            this.period = period;
        }

        /** Seasonal loess window in observations of each cycle-subseries (odd, at least 7 recommended). */
        public Builder seasonalWindow(int window) {
            if (window < 3) {
                throw new IllegalArgumentException("seasonal window must be at least 3, was " + window);
            }
            this.seasonalWindow = window;
            return this;
        }

        /** {@code s.window = "periodic"}: identical seasonal pattern every cycle (the default). */
        public Builder periodic() {
            this.seasonalWindow = null;
            return this;
        }

        /** Robust fitting: one inner and 15 outer iterations with bisquare weights, as {@code stl(robust = TRUE)}. */
        public Builder robust(boolean r) {
            this.robust = r;
            return this;
        }

        public Stl build() {
            return new Stl(this);
        }
    }

    /**
     * Decomposes {@code y} into seasonal, trend and remainder.
     *
     * @throws IllegalArgumentException when the series has no more than two periods
     */
    public Result decompose(double[] y) {
        int n = y.length;
        if (n <= 2 * period) {
            throw new IllegalArgumentException("series is not periodic or has less than two periods");
        }
        boolean periodic = seasonalWindow == null;
        int ns = periodic ? 10 * n + 1 : seasonalWindow;
        int nt = nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / ns)));
        int nl = nextOdd(period);
        int nsjump = (int) Math.ceil(ns / 10.0);
        int ntjump = (int) Math.ceil(nt / 10.0);
        int nljump = (int) Math.ceil(nl / 10.0);
        int inner = robust ? 1 : 2;
        int outer = robust ? 15 : 0;
        double[] season = new double[n];
        double[] trend = new double[n];
        double[] rw = new double[n];
        StlSmoother sm = new StlSmoother(y, period, odd(Math.max(3, ns)), odd(Math.max(3, nt)),
                odd(Math.max(3, nl)), nsjump, ntjump, nljump);
        boolean userw = false;
        int k = 0;
        while (true) {
            sm.step(inner, userw, rw, season, trend);
            k++;
            if (k > outer) {
                break;
            }
            double[] fit = new double[n];
            for (int i = 0; i < n; i++) {
                fit[i] = trend[i] + season[i];
            }
            robustnessWeights(y, fit, rw);
            userw = true;
        }
        if (outer <= 0) {
            Arrays.fill(rw, 1.0);
        }
        if (periodic) {
            cycleMeans(season, period);
        }
        double[] rem = new double[n];
        for (int i = 0; i < n; i++) {
            rem[i] = y[i] - season[i] - trend[i];
        }
        return new Result(season, trend, rem, rw);
    }

    private static void cycleMeans(double[] season, int period) {
        for (int j = 0; j < period; j++) {
            double s = 0;
            int c = 0;
            for (int i = j; i < season.length; i += period) {
                s += season[i];
                c++;
            }
            double mean = s / c;
            for (int i = j; i < season.length; i += period) {
                season[i] = mean;
            }
        }
    }

    /** Bisquare weights on residuals scaled by six median absolute residuals (Fortran {@code stlrwt}). */
    private static void robustnessWeights(double[] y, double[] fit, double[] rw) {
        int n = y.length;
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(y[i] - fit[i]);
        }
        double[] sorted = abs.clone();
        Arrays.sort(sorted);
        int mid1 = n / 2 + 1;
        int mid2 = n - mid1 + 1;
        double cmad = 3.0 * (sorted[mid1 - 1] + sorted[mid2 - 1]);
        double c9 = 0.999 * cmad;
        double c1 = 0.001 * cmad;
        for (int i = 0; i < n; i++) {
            double r = abs[i];
            if (r <= c1) {
                rw[i] = 1.0;
            } else if (r <= c9) {
                double u = r / cmad;
                rw[i] = (1 - u * u) * (1 - u * u);
            } else {
                rw[i] = 0.0;
            }
        }
    }

    private static int nextOdd(double x) {
        int v = (int) Math.round(x);
        return v % 2 == 0 ? v + 1 : v;
    }

    private static int odd(int v) {
        return v % 2 == 0 ? v + 1 : v;
    }
}
