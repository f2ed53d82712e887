package io.trendcast.core.model.ets;

/**
 * The admissible (forecastable) parameter region of linear ETS models, R's {@code admissible()} (Hyndman et al.
 * 2008, chapter 10; Hyndman, Akram and Archibald 2008, "The admissible parameter space for exponential smoothing
 * models", AISM 60). A model is admissible when the eigenvalues of its discount matrix lie in the unit circle.
 *
 * <p>For seasonal models R finds the roots of the characteristic polynomial with {@code polyroot} and accepts a
 * largest modulus up to {@code 1 + 1e-10}. Here the same condition is decided without finding roots: the
 * polynomial is rescaled by {@code 1 + 1e-10} and its Schur–Cohn (Jury) reflection coefficients must all lie
 * strictly inside (−1, 1), which holds exactly when every root lies strictly inside the unit circle. The test
 * costs O(m²) and, given work arrays, allocates nothing.
 */
final class EtsAdmissibility {

    /** R's tolerance on the largest root modulus. */
    private static final double ROOT_TOLERANCE = 1e-10;

    private EtsAdmissibility() {
    }

    /**
     * Whether the parameters are admissible. Pass {@code NaN} for absent parameters.
     *
     * @param m seasonal period of the model (1 without a season)
     */
    static boolean admissible(double alpha, double beta, double gamma, double phi, int m) {
        return admissible(alpha, beta, gamma, phi, m, new double[m + 2], new double[m + 2]);
    }

    /**
     * As {@link #admissible(double, double, double, double, int)}, with caller-owned work arrays of length at
     * least {@code m + 2} so that the likelihood loop does not allocate.
     */
    static boolean admissible(double alpha, double beta, double gamma, double phi, int m, double[] work,
                              double[] work2) {
        double ph = Double.isNaN(phi) ? 1.0 : phi;
        if (ph < 0 || ph > 1 + 1e-8) {
            return false;
        }
        if (Double.isNaN(gamma)) {
            if (alpha < 1 - 1 / ph || alpha > 1 + 1 / ph) {
                return false;
            }
            return Double.isNaN(beta) || !(beta < alpha * (ph - 1) || beta > (1 + ph) * (2 - alpha));
        }
        if (m <= 1) {
            return true;
        }
        double b = Double.isNaN(beta) ? 0.0 : beta;
        double d = 1 - 1 / ph - alpha;
        if (gamma < Math.max(d, 0) || gamma > 1 + 1 / ph - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / ph - gamma * (1 - m + ph + ph * m) / (2 * ph * m)) {
            return false;
        }
        if (b < -(1 - ph) * (gamma / m + alpha)) {
            return false;
        }
        // R: P <- c(phi*(1-alpha-gamma), alpha+beta-alpha*phi+gamma-1, rep(alpha+beta-alpha*phi, m-2),
        //           alpha+beta-phi, 1); coefficients of increasing powers, degree m + 1.
        double[] c = work;
        c[0] = ph * (1 - alpha - gamma);
        c[1] = alpha + b - alpha * ph + gamma - 1;
        for (int k = 2; k < m; k++) {
            c[k] = alpha + b - alpha * ph;
        }
        c[m] = alpha + b - ph;
        c[m + 1] = 1;
        return rootsWithin(c, m + 2, 1 + ROOT_TOLERANCE, work2);
    }

    /**
     * Whether every root of {@code Σ c[k] z^k} (with {@code c[last] ≠ 0}) has modulus below {@code radius}, by the
     * Schur–Cohn step-down recursion on the rescaled polynomial {@code A(w) = P(radius · w)}: with
     * {@code k = a₀ / a_d}, all roots of A lie strictly inside the unit circle exactly when {@code |k| < 1} and
     * all roots of {@code (A(w) − k w^d A(1/w)) / w} do. The reduced polynomial is left unnormalised (only the
     * ratios {@code k} matter), which saves a division per coefficient. Overwrites {@code c} and {@code work}.
     *
     * @param length number of coefficients in {@code c} (degree + 1)
     */
    static boolean rootsWithin(double[] c, int length, double radius, double[] work) {
        int d = length - 1;
        double scale = 1.0;
        for (int j = 0; j <= d; j++) {
            c[j] *= scale;
            scale *= radius;
        }
        double[] a = c;
        double[] next = work;
        for (int deg = d; deg >= 1; deg--) {
            double k = a[0] / a[deg];
            if (!(Math.abs(k) < 1)) {
                return false;
            }
            for (int i = 0; i < deg; i++) {
                next[i] = a[i + 1] - k * a[deg - 1 - i];
            }
            double[] t = a;
            a = next;
            next = t;
        }
        return true;
    }
}
