package io.trendcast.core.stat;

import io.trendcast.core.decompose.Stl;

/**
 * Number of seasonal differences, as {@code forecast::nsdiffs} with its default test {@code "seas"}
 * (forecast ≥ 8.8): difference once when the seasonal strength of an STL decomposition,
 * {@code max(0, 1 - Var(R) / Var(S + R))} (Wang, Smith &amp; Hyndman 2006), exceeds 0.64. The decomposition is the
 * one {@code forecast::mstl} makes for a single period: {@code stl(x, s.window = 11)}.
 */
public final class Nsdiffs {

    /** Seasonal strength above which a seasonal difference is taken. */
    public static final double THRESHOLD = 0.64;

    private Nsdiffs() {
    }

    /** {@code nsdiffs(x, test = "seas", max.D = 1)} for a series with period {@code m > 1}. */
    public static int of(double[] x, int m) {
        if (m < 2) {
            throw new IllegalArgumentException("nsdiffs needs a seasonal period above 1, was " + m);
        }
        if (SeasonalityTest.isConstant(x) || m >= x.length) {
            return 0;
        }
        if (x.length <= 2 * m) {
            return 0;
        }
        return seasonalStrength(x, m) > THRESHOLD ? 1 : 0;
    }

    /** Seasonal strength of {@code forecast:::seas.heuristic}, in [0, 1]. */
    public static double seasonalStrength(double[] x, int m) {
        Stl.Result fit = Stl.builder(m).seasonalWindow(11).build().decompose(x);
        double[] rem = fit.remainder();
        double[] sr = new double[x.length];
        double[] seas = fit.seasonal();
        for (int t = 0; t < x.length; t++) {
            sr[t] = seas[t] + rem[t];
        }
        double vs = Series.variance(sr);
        if (!(vs > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - Series.variance(rem) / vs));
    }
}
