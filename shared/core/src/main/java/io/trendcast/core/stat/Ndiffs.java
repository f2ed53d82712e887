package io.trendcast.core.stat;

/**
 * Number of first differences needed for stationarity, as {@code forecast::ndiffs} (default KPSS level test at
 * α = 0.05): difference while the KPSS p-value is below α, at most {@code maxD} times, stopping early when the
 * series becomes constant. The Bartlett lag is recomputed for each differenced series.
 */
public final class Ndiffs {

    private Ndiffs() {
    }

    /** {@code ndiffs(x, alpha = 0.05, test = "kpss", max.d = maxD)}. */
    public static int of(double[] x, int maxD) {
        return of(x, 0.05, maxD);
    }

    /** {@code ndiffs(x, alpha, test = "kpss", max.d = maxD)}; alpha is clamped to [0.01, 0.1] as in R. */
    public static int of(double[] x, double alpha, int maxD) {
        double a = Math.min(0.1, Math.max(0.01, alpha));
        double[] y = x.clone();
        int d = 0;
        if (SeasonalityTest.isConstant(y)) {
            return d;
        }
        boolean dodiff = test(y, a);
        while (dodiff && d < maxD) {
            d++;
            y = Series.diff(y, 1);
            if (SeasonalityTest.isConstant(y)) {
                return d;
            }
            dodiff = test(y, a);
        }
        return d;
    }

    private static boolean test(double[] y, double alpha) {
        if (y.length < 2) {
            return false;
        }
        double p = Kpss.pValue(Kpss.statistic(y, Kpss.ndiffsLag(y.length)));
        return p < alpha;
    }
}
