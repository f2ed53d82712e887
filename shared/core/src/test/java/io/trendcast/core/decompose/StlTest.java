package io.trendcast.core.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StlTest {

    private static double[] seasonalSeries(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 10 + 0.1 * t + 3 * Math.sin(2 * Math.PI * t / m) + 0.2 * (rnd.nextDouble() - 0.5);
        }
        return y;
    }

    @Test
    void componentsAddUp() {
        double[] y = seasonalSeries(96, 12, 1);
        Stl.Result r = Stl.builder(12).seasonalWindow(11).build().decompose(y);
        for (int t = 0; t < y.length; t++) {
            assertEquals(y[t], r.seasonal()[t] + r.trend()[t] + r.remainder()[t], 1e-12);
            assertEquals(1.0, r.weights()[t]);
        }
    }

    @Test
    void periodicSeasonalRepeatsAndRecoversTheSignal() {
        int m = 12;
        double[] y = seasonalSeries(120, m, 2);
        Stl.Result r = Stl.builder(m).periodic().build().decompose(y);
        for (int t = m; t < y.length; t++) {
            assertEquals(r.seasonal()[t - m], r.seasonal()[t], 1e-12);
        }
        for (int t = 24; t < 96; t++) {
            assertEquals(3 * Math.sin(2 * Math.PI * t / m), r.seasonal()[t], 0.15);
            assertEquals(10 + 0.1 * t, r.trend()[t], 0.15);
        }
    }

    @Test
    void robustWeightsDownweightAnOutlier() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] y = seasonalSeries(96, 4, 3);
        for (int t = 0; t < y.length; t++) {
            y[t] += rnd.nextDouble() * 2 - 1;
        }
        y[50] += 20;
        Stl.Result r = Stl.builder(4).periodic().robust(true).build().decompose(y);
        assertEquals(0.0, r.weights()[50], 1e-12);
        assertEquals(20, r.remainder()[50], 2);
    }

    @Test
    void needsMoreThanTwoPeriods() {
        assertThrows(IllegalArgumentException.class,
                () -> Stl.builder(12).build().decompose(new double[24]));
    }
}
