package io.trendcast.core.stat;

/**
 * The autocorrelation test for seasonality used by the Theta method of Assimakopoulos &amp; Nikolopoulos (2000) as
 * implemented in R {@code forecast::thetaf}, and by the M4 competition benchmarks (Makridakis et al. 2020): a
 * series of period {@code m} is seasonal when
 * <pre>|r_m| &gt; z · sqrt((1 + 2 Σ_{k=1}^{m-1} r_k²) / n)</pre>
 * with {@code r_k} the sample autocorrelation ({@link Acf}) and {@code z} the 95% normal quantile (a two-sided 90%
 * test). The variants differ only in the minimum length and in how {@code z} is written:
 * {@link #thetaf()} requires {@code n > 2m} and uses {@code qnorm(0.95)}; {@link #m4()} requires {@code n ≥ 3m}
 * and uses 1.645. Constant series and {@code m ≤ 1} are never seasonal.
 *
 * @param minCycles    the series must hold more than ({@code strict}) or at least this many seasons
 * @param strict       whether {@code n} must exceed {@code minCycles · m} rather than reach it
 * @param criticalValue the normal quantile compared with the standardised autocorrelation
 */
public record SeasonalityTest(int minCycles, boolean strict, double criticalValue) {

    private static final double CONSTANT_TOLERANCE = 1.5e-8;

    public SeasonalityTest {
        if (minCycles < 1) {
            throw new IllegalArgumentException("minCycles must be at least 1, was " + minCycles);
        }
        if (!(criticalValue > 0)) {
            throw new IllegalArgumentException("criticalValue must be positive, was " + criticalValue);
        }
    }

    /** The test exactly as R {@code forecast::thetaf} 8.20 writes it: {@code n > 2m}, {@code qnorm(0.95)}. */
    public static SeasonalityTest thetaf() {
        return new SeasonalityTest(2, true, Normal.quantile(0.95));
    }

    /** The M4 benchmark test (Naive2, SES, Theta of the M4 organisers): {@code n ≥ 3m}, 1.645. */
    public static SeasonalityTest m4() {
        return new SeasonalityTest(3, false, 1.645);
    }

    /** Whether {@code x} shows seasonality of period {@code m}. */
    public boolean isSeasonal(double[] x, int m) {
        int n = x.length;
        if (m <= 1 || (strict ? n <= minCycles * m : n < minCycles * m) || isConstant(x)) {
            return false;
        }
        double[] r = Acf.of(x, m);
        double sum = 0;
        for (int k = 1; k < m; k++) {
            sum += r[k] * r[k];
        }
        double limit = criticalValue * Math.sqrt((1 + 2 * sum) / n);
        return Math.abs(r[m]) > limit;
    }

    /**
     * Whether every value equals the first up to R's {@code all.equal} tolerance: mean absolute difference, relative
     * to the mean absolute value when that exceeds the tolerance, at most 1.5e-8.
     */
    public static boolean isConstant(double[] x) {
        if (x.length == 0) {
            return true;
        }
        double diff = 0;
        double scale = 0;
        for (double v : x) {
            diff += Math.abs(v - x[0]);
            scale += Math.abs(v);
        }
        diff /= x.length;
        scale /= x.length;
        if (scale > CONSTANT_TOLERANCE) {
            diff /= scale;
        }
        return diff <= CONSTANT_TOLERANCE;
    }
}
