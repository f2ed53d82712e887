package io.trendcast.core.model.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EtsAdmissibilityTest {

    /**
     * The Schur–Cohn decision must agree with R's rule {@code max(abs(polyroot(P))) <= 1 + 1e-10}, checked here
     * against roots found by Durand–Kerner iteration, over random parameters of seasonal models (m = 4, 12) inside
     * and around the usual region. Points whose largest root is within 1e-7 of the threshold are skipped: there
     * the root finder itself is not accurate enough to referee.
     */
    @Test
    void agreesWithRootFindingOnRandomSeasonalParameters() {
        SplittableRandom rnd = new SplittableRandom(7);
        int compared = 0;
        for (int i = 0; i < 4000; i++) {
            int m = i % 2 == 0 ? 4 : 12;
            double alpha = rnd.nextDouble(-0.2, 1.2);
            double beta = rnd.nextBoolean() ? Double.NaN : rnd.nextDouble(-0.1, 0.5);
            double gamma = rnd.nextDouble(0, 1.2);
            double phi = rnd.nextBoolean() ? Double.NaN : rnd.nextDouble(0.8, 1.0);
            double ph = Double.isNaN(phi) ? 1 : phi;
            double b = Double.isNaN(beta) ? 0 : beta;
            double[] c = new double[m + 2];
            c[0] = ph * (1 - alpha - gamma);
            c[1] = alpha + b - alpha * ph + gamma - 1;
            for (int k = 2; k < m; k++) {
                c[k] = alpha + b - alpha * ph;
            }
            c[m] = alpha + b - ph;
            c[m + 1] = 1;
            double maxRoot = maxRootModulus(c);
            if (Math.abs(maxRoot - 1) < 1e-7) {
                continue;
            }
            boolean expected = maxRoot <= 1 + 1e-10;
            boolean actual = EtsAdmissibility.rootsWithin(c.clone(), c.length, 1 + 1e-10, new double[c.length]);
            assertEquals(expected, actual, "alpha=" + alpha + " beta=" + beta + " gamma=" + gamma + " phi=" + phi
                    + " m=" + m + " max|root|=" + maxRoot);
            compared++;
        }
        assertTrue(compared > 3000);
    }

    /** Without trend and damping the polynomial has a root exactly at 1 (P(1) = mβ = 0); R accepts it. */
    @Test
    void acceptsTheUnitRootOfUndampedModelsWithoutTrend() {
        assertTrue(EtsAdmissibility.admissible(0.3, Double.NaN, 0.1, Double.NaN, 12));
        assertTrue(EtsAdmissibility.admissible(0.9, Double.NaN, 0.05, Double.NaN, 4));
    }

    /** Non-seasonal regions (Hyndman et al. 2008, table 10.1): ETS(A,N,N) needs 0 < α < 2 when φ = 1. */
    @Test
    void nonSeasonalRegions() {
        assertTrue(EtsAdmissibility.admissible(1.5, Double.NaN, Double.NaN, Double.NaN, 1));
        assertFalse(EtsAdmissibility.admissible(2.5, Double.NaN, Double.NaN, Double.NaN, 1));
        assertFalse(EtsAdmissibility.admissible(0.5, 3.5, Double.NaN, Double.NaN, 1));
        assertFalse(EtsAdmissibility.admissible(0.5, 0.1, Double.NaN, 1.2, 1));
    }

    @Test
    void seasonalModelWithLargeGammaIsInadmissible() {
        assertFalse(EtsAdmissibility.admissible(0.5, Double.NaN, 1.8, Double.NaN, 12));
    }

    /** Largest root modulus of {@code Σ c[k] z^k} (monic) by Durand–Kerner iteration. */
    private static double maxRootModulus(double[] c) {
        int d = c.length - 1;
        double[] re = new double[d];
        double[] im = new double[d];
        for (int k = 0; k < d; k++) {
            double angle = 2 * Math.PI * k / d + 0.4;
            re[k] = 0.9 * Math.cos(angle) * 1.3;
            im[k] = 0.9 * Math.sin(angle) * 1.3;
        }
        for (int iter = 0; iter < 2000; iter++) {
            double change = 0;
            for (int k = 0; k < d; k++) {
                double pr = 1;
                double pi = 0;
                for (int j = d - 1; j >= 0; j--) {
                    double nr = pr * re[k] - pi * im[k] + c[j];
                    double ni = pr * im[k] + pi * re[k];
                    pr = nr;
                    pi = ni;
                }
                double qr = 1;
                double qi = 0;
                for (int j = 0; j < d; j++) {
                    if (j != k) {
                        double dr = re[k] - re[j];
                        double di = im[k] - im[j];
                        double nr = qr * dr - qi * di;
                        double ni = qr * di + qi * dr;
                        qr = nr;
                        qi = ni;
                    }
                }
                double den = qr * qr + qi * qi;
                double sr = (pr * qr + pi * qi) / den;
                double si = (pi * qr - pr * qi) / den;
                re[k] -= sr;
                im[k] -= si;
                change = Math.max(change, Math.hypot(sr, si));
            }
            if (change < 1e-15) {
                break;
            }
        }
        double max = 0;
        for (int k = 0; k < d; k++) {
            max = Math.max(max, Math.hypot(re[k], im[k]));
        }
        return max;
    }
}
