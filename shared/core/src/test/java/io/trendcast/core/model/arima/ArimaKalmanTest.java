package io.trendcast.core.model.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArimaKalmanTest {

    private static double[] noise(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextDouble() - 0.5 + (i > 0 ? 0.5 * w[i - 1] : 0);
        }
        return w;
    }

    /** The O(r) Chandrasekhar objective equals the Riccati filter's (same innovations), to rounding. */
    @Test
    void chandrasekharMatchesRiccati() {
        double[] w = noise(120, 3);
        ArimaSpec[] specs = {
            ArimaSpec.of(1, 0, 0, false), ArimaSpec.of(0, 0, 1, false), ArimaSpec.of(2, 0, 2, false),
            new ArimaSpec(1, 0, 1, 1, 0, 1, 12, false), new ArimaSpec(2, 0, 1, 2, 0, 0, 4, false),
        };
        double[] coef = {0.4, -0.2, 0.3, 0.25, -0.5, 0.1};
        for (ArimaSpec s : specs) {
            double[] c = java.util.Arrays.copyOf(coef, s.armaCount());
            double[][] ex = ArimaPolynomials.expand(s, c);
            ArimaKalman.Pass pass = ArimaKalman.run(w, ex[0], ex[1], false);
            assertNotNull(pass);
            assertEquals(pass.objective(), ArimaKalman.objective(w, ex[0], ex[1]), 1e-10, s.toString());
        }
    }

    /** The stationary covariance solves P = T P Tᵀ + R Rᵀ (the equation Gardner et al. 1980 solve). */
    @Test
    void initialCovarianceSolvesLyapunov() {
        double[] phi = {0.5, -0.3, 0.1};
        double[] theta = {0.4, 0.2, -0.1, 0.3};
        int r = 5;
        double[] pm = ArmaCovariance.initialCovariance(phi, theta, r);
        double[] v = {1, 0.4, 0.2, -0.1, 0.3};
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double phii = i < 3 ? phi[i] : 0;
                double phij = j < 3 ? phi[j] : 0;
                double t = phii * phij * pm[0] + v[i] * v[j];
                if (j + 1 < r) {
                    t += phii * pm[j + 1];
                }
                if (i + 1 < r) {
                    t += phij * pm[i + 1];
                }
                if (i + 1 < r && j + 1 < r) {
                    t += pm[(i + 1) * r + j + 1];
                }
                assertEquals(t, pm[i * r + j], 1e-10);
            }
        }
    }

    /** AR(1): the stationary variance is 1/(1-φ²). */
    @Test
    void ar1Variance() {
        double[] pm = ArmaCovariance.initialCovariance(new double[] {0.6}, new double[0], 1);
        assertEquals(1 / (1 - 0.36), pm[0], 1e-12);
    }
}
