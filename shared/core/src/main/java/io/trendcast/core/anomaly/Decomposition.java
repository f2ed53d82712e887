package io.trendcast.core.anomaly;

/**
 * A robust additive decomposition {@code y = level + seasonal + residual}: the seasonal index of each phase is the
 * median, over the phase's points, of the series minus its running median over one season; the level is the
 * running median of the seasonally adjusted series over {@code window} points; {@code sigma}, the series' own
 * noise, is the robust standard deviation (1.4826 × MAD) of the first differences of the seasonally adjusted series
 * over √2: differences are blind to the level and to a trend (a running median on a steep trend would follow the
 * noise and understate it), and a single step or spike moves their median absolute deviation little.
 *
 * @param seasonal per-point seasonal component (zeros without seasonality)
 * @param level    per-point local level
 * @param sigma    robust standard deviation of the residuals
 */
public record Decomposition(double[] seasonal, double[] level, double sigma) {

    /** Decomposes {@code y} (NaN allowed) with season {@code season} and level window {@code window}. */
    public static Decomposition of(double[] y, int season, int window) {
        int n = y.length;
        double[] seasonal = seasonalComponent(y, season);
        double[] adjusted = new double[n];
        for (int t = 0; t < n; t++) {
            adjusted[t] = y[t] - seasonal[t];
        }
        double[] level = Robust.runningMedian(adjusted, window | 1);
        double[] diff = new double[Math.max(0, n - 1)];
        for (int t = 1; t < n; t++) {
            diff[t - 1] = adjusted[t] - adjusted[t - 1];
        }
        double sigma = Robust.sd(diff) / Math.sqrt(2);
        return new Decomposition(seasonal, level, Double.isFinite(sigma) ? sigma : 0);
    }

    /** The seasonally adjusted series. */
    public double[] adjust(double[] y) {
        double[] out = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            out[t] = y[t] - seasonal[t];
        }
        return out;
    }

    private static double[] seasonalComponent(double[] y, int season) {
        int n = y.length;
        double[] seasonal = new double[n];
        if (season < 2 || n < 2 * season) {
            return seasonal;
        }
        double[] trend = Robust.runningMedian(y, season | 1);
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            detrended[t] = y[t] - trend[t];
        }
        double[] index = new double[season];
        double[] phase = new double[(n + season - 1) / season];
        for (int p = 0; p < season; p++) {
            int m = 0;
            for (int t = p; t < n; t += season) {
                phase[m++] = detrended[t];
            }
            double med = Robust.median(phase, 0, m);
            index[p] = Double.isFinite(med) ? med : 0;
        }
        double mean = 0;
        for (double v : index) {
            mean += v;
        }
        mean /= season;
        for (int t = 0; t < n; t++) {
            seasonal[t] = index[t % season] - mean;
        }
        return seasonal;
    }
}
