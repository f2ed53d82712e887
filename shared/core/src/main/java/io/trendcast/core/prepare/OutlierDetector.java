package io.trendcast.core.prepare;

import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.stat.Quantiles;
import io.trendcast.core.stat.SeasonalityTest;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Finds outliers the way R {@code forecast::tsoutliers} does (Hyndman &amp; Athanasopoulos, <i>Forecasting:
 * principles and practice</i>, §13.9), with robust medians in place of STL and Friedman's super smoother: when the
 * series has a strong seasonal pattern (strength ≥ 0.6, Wang, Smith &amp; Hyndman 2006) it is seasonally
 * adjusted by median seasonal indices around a running-median trend; a running median followed by a Hanning filter
 * gives the smooth fit; a point is an outlier when its residual lies more than {@code 3 × IQR} beyond the
 * residuals' quartiles. As in R the search runs twice, the second time on the cleaned series. Replacements are
 * linear interpolations of the adjusted series with the seasonal component put back.
 *
 * <p>Missing values are interpolated for the fit and never reported as outliers.
 */
public final class OutlierDetector {

    private static final double STRENGTH_THRESHOLD = 0.6;
    private static final double MIN_RANGE = 1e-14;
    private static final GapFiller LINEAR = GapFiller.builder().policy(GapFiller.Policy.LINEAR).build();

    private final double iqrMultiplier;
    private final int iterations;

    private OutlierDetector(Builder builder) {
        this.iqrMultiplier = builder.iqrMultiplier;
        this.iterations = builder.iterations;
    }

    /** R's {@code tsoutliers} defaults: 3 × IQR, two passes. */
    public static OutlierDetector defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Outliers found, in increasing order of index, with the values suggested in their place.
     *
     * @param indices      0-based positions of the outliers
     * @param replacements suggested value per outlier
     */
    public record Outliers(int[] indices, double[] replacements) {

        public Outliers {
            indices = indices.clone();
            replacements = replacements.clone();
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }

        @Override
        public double[] replacements() {
            return replacements.clone();
        }

        /** A copy of {@code x} with the outliers replaced. */
        public double[] apply(double[] x) {
            double[] out = x.clone();
            for (int i = 0; i < indices.length; i++) {
                out[indices[i]] = replacements[i];
            }
            return out;
        }
    }

    /** Outliers of a series, using its seasonal period. */
    public Outliers detect(TimeSeries series) {
        return detect(series.values(), series.season());
    }

    /** Outliers of {@code x} with seasonal period {@code season} (1 for none). */
    public Outliers detect(double[] x, int season) {
        TreeSet<Integer> found = new TreeSet<>();
        double[] current = x.clone();
        for (int pass = 0; pass < iterations; pass++) {
            int[] flagged = onePass(current, season);
            if (flagged.length == 0) {
                break;
            }
            for (int i : flagged) {
                found.add(i);
            }
            int[] all = found.stream().mapToInt(Integer::intValue).toArray();
            current = replace(x, all, season).apply(x);
        }
        int[] indices = found.stream().mapToInt(Integer::intValue).toArray();
        return replace(x, indices, season);
    }

    private int[] onePass(double[] x, int season) {
        int n = x.length;
        if (n < 3) {
            return new int[0];
        }
        double[] filled = linearFill(x);
        if (SeasonalityTest.isConstant(filled)) {
            return new int[0];
        }
        double[] seasonal = seasonalComponent(filled, season);
        double[] adjusted = filled.clone();
        for (int t = 0; t < n; t++) {
            adjusted[t] -= seasonal[t];
        }
        double[] smooth = RobustStats.hanning(RobustStats.runningMedian(adjusted, smootherWidth(n)));
        double[] resid = new double[n];
        for (int t = 0; t < n; t++) {
            resid[t] = Double.isNaN(x[t]) ? Double.NaN : adjusted[t] - smooth[t];
        }
        double q1 = Quantiles.type7(resid, 0.25);
        double q3 = Quantiles.type7(resid, 0.75);
        double lower = q1 - iqrMultiplier * (q3 - q1);
        double upper = q3 + iqrMultiplier * (q3 - q1);
        if (!(upper - lower > MIN_RANGE)) {
            return new int[0];
        }
        int[] out = new int[n];
        int k = 0;
        for (int t = 0; t < n; t++) {
            if (resid[t] < lower || resid[t] > upper) {
                out[k++] = t;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Median seasonal indices when the seasonal pattern is strong, otherwise zeros. */
    static double[] seasonalComponent(double[] x, int m) {
        int n = x.length;
        double[] none = new double[n];
        if (m <= 1 || n <= 2 * m) {
            return none;
        }
        double[] trend = RobustStats.runningMedian(x, m % 2 == 0 ? m + 1 : m);
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            detrended[t] = x[t] - trend[t];
        }
        double[] index = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            double[] same = new double[(n - i + m - 1) / m];
            for (int t = i, j = 0; t < n; t += m, j++) {
                same[j] = detrended[t];
            }
            index[i] = RobustStats.median(same);
            mean += index[i] / m;
        }
        double[] seasonal = new double[n];
        double[] remainder = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = index[t % m] - mean;
            remainder[t] = detrended[t] - seasonal[t];
        }
        double varDetrended = RobustStats.variance(detrended);
        double strength = varDetrended > 0 ? 1 - RobustStats.variance(remainder) / varDetrended : 0;
        return strength >= STRENGTH_THRESHOLD ? seasonal : none;
    }

    private static int smootherWidth(int n) {
        return Math.max(5, 2 * (int) Math.round(0.05 * n) + 1);
    }

    private static Outliers replace(double[] x, int[] indices, int season) {
        double[] blanked = x.clone();
        for (int i : indices) {
            blanked[i] = Double.NaN;
        }
        double[] seasonal = seasonalComponent(linearFill(blanked), season);
        for (int t = 0; t < blanked.length; t++) {
            blanked[t] -= seasonal[t];
        }
        double[] filled = linearFill(blanked);
        double[] replacements = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            replacements[i] = filled[indices[i]] + seasonal[indices[i]];
        }
        return new Outliers(indices, replacements);
    }

    /** Linear interpolation of the gaps; zeros when nothing is observed. */
    private static double[] linearFill(double[] x) {
        for (double v : x) {
            if (!Double.isNaN(v)) {
                return LINEAR.fill(x, 1);
            }
        }
        return new double[x.length];
    }

    /** Immutable configuration. */
    public static final class Builder {
        private double iqrMultiplier = 3;
        private int iterations = 2;

        private Builder() {
        }

        /** How many interquartile ranges beyond the quartiles make an outlier; default 3. */
        public Builder iqrMultiplier(double k) {
            if (!(k > 0)) {
                throw new IllegalArgumentException("iqrMultiplier must be positive, was " + k);
            }
            this.iqrMultiplier = k;
            return this;
        }

        /** Number of search passes; default 2. */
        public Builder iterations(int passes) {
            if (passes < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, was " + passes);
            }
            this.iterations = passes;
            return this;
        }

        public OutlierDetector build() {
            return new OutlierDetector(this);
        }
    }
}
