package io.trendcast.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conformal scaling restores the nominal coverage of sample intervals that are too narrow (or too wide). */
class IntervalScaleTest {

    /** Paths ~ N(0, 1) but outcomes ~ N(0, spread²): the intervals need widening by {@code spread}. */
    private static double coverageAfterScaling(double spread, double level, Random rng) {
        int series = 300;
        int steps = 10;
        double[][] actual = new double[series][steps];
        float[][][] sorted = new float[series][steps][];
        for (int s = 0; s < series; s++) {
            for (int k = 0; k < steps; k++) {
                float[] paths = new float[200];
                for (int p = 0; p < paths.length; p++) {
                    paths[p] = (float) rng.nextGaussian();
                }
                Arrays.sort(paths);
                sorted[s][k] = paths;
                actual[s][k] = spread * rng.nextGaussian();
            }
        }
        IntervalScale scale = IntervalScale.fit(actual, sorted);
        assertEquals(series * steps, scale.points());
        double f = scale.factor(level);
        assertEquals(spread, f, 0.2 * spread, "factor at " + level + "%");
        int inside = 0;
        int n = 20_000;
        double a = (1 - level / 100) / 2;
        for (int i = 0; i < n; i++) {
            float[] paths = sorted[i % series][i % steps];
            double lo = f * DeepArModel.quantile(paths, a);
            double hi = f * DeepArModel.quantile(paths, 1 - a);
            double y = spread * rng.nextGaussian();
            inside += y >= lo && y <= hi ? 1 : 0;
        }
        return 100.0 * inside / n;
    }

    @Test
    void tooNarrowSampleIntervalsAreWidenedToTheNominalCoverage() {
        Random rng = new Random(3);
        assertEquals(80, coverageAfterScaling(2.5, 80, rng), 2.5);
        assertEquals(95, coverageAfterScaling(2.5, 95, rng), 1.5);
    }

    @Test
    void tooWideSampleIntervalsAreNarrowed() {
        Random rng = new Random(4);
        assertEquals(80, coverageAfterScaling(0.5, 80, rng), 2.5);
    }

    @Test
    void withoutABacktestIntervalsStayAsSampled() {
        assertEquals(1, IntervalScale.none().factor(80));
        assertEquals(1, IntervalScale.fit(new double[][] {null}, new float[][][] {null}).factor(95));
        assertTrue(IntervalScale.none().table().length == 0);
    }
}
