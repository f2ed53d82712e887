package io.trendcast.core.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KpssTest {

    private static double[] whiteNoise(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble() - 0.5;
        }
        return x;
    }

    private static double[] walk(int n, long seed) {
        double[] x = whiteNoise(n, seed);
        for (int i = 1; i < n; i++) {
            x[i] += x[i - 1];
        }
        return x;
    }

    /**
     * R (urca): {@code ur.kpss(1:10, type = "mu", use.lag = 0)@teststat} = 1.01 and
     * {@code ur.kpss(c(1,3,2,5,4,6,8,7,9,12), type = "mu", use.lag = 1)@teststat} = 0.5959637302; tolerance 1e-9.
     */
    @Test
    void statisticLikeUrca() {
        assertEquals(1.01, Kpss.statistic(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0), 1e-9);
        assertEquals(0.5959637302, Kpss.statistic(new double[] {1, 3, 2, 5, 4, 6, 8, 7, 9, 12}, 1), 1e-9);
    }

    @Test
    void lagsAsUrcaAndForecast() {
        assertEquals(4, Kpss.shortLag(100));
        assertEquals(3, Kpss.shortLag(50));
        assertEquals(2, Kpss.ndiffsLag(100));
        assertEquals(1, Kpss.ndiffsLag(20));
    }

    @Test
    void pValueInterpolatesTheTable() {
        assertEquals(0.10, Kpss.pValue(0.1), 1e-12);
        assertEquals(0.05, Kpss.pValue(0.463), 1e-12);
        assertEquals(0.075, Kpss.pValue((0.347 + 0.463) / 2), 1e-12);
        assertEquals(0.01, Kpss.pValue(5), 1e-12);
    }

    @Test
    void ndiffsSeparatesNoiseFromWalks() {
        assertEquals(0, Ndiffs.of(whiteNoise(200, 1), 2));
        assertEquals(1, Ndiffs.of(walk(200, 2), 2));
        double[] quadratic = new double[50];
        for (int t = 0; t < quadratic.length; t++) {
            quadratic[t] = t * t;
        }
        assertEquals(2, Ndiffs.of(quadratic, 2));
        assertEquals(1, Ndiffs.of(quadratic, 1));
        assertTrue(Kpss.statistic(walk(200, 4), 3) > 0.463);
    }

    @Test
    void constantSeriesNeedsNoDifference() {
        assertEquals(0, Ndiffs.of(new double[] {3, 3, 3, 3, 3}, 2));
        assertEquals(1, Ndiffs.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 2));
    }
}
