package io.trendcast.core.stat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeasonalityTestTest {

    @Test
    void acfByHand() {
        // x = 1..4: deviations -1.5 -0.5 0.5 1.5; c0 = 5, c1 = 0.75 - 0.25 + 0.75 = 1.25, c2 = -0.75 - 0.75 = -1.5.
        double[] r = Acf.of(new double[] {1, 2, 3, 4}, 2);
        assertArrayEquals(new double[] {1, 0.25, -0.3}, r, 1e-15);
    }

    @Test
    void constantSeriesHasUndefinedAcfAndIsNotSeasonal() {
        double[] x = new double[40];
        java.util.Arrays.fill(x, 3);
        assertTrue(Double.isNaN(Acf.of(x, 4)[1]));
        assertFalse(SeasonalityTest.thetaf().isSeasonal(x, 4));
        assertTrue(SeasonalityTest.isConstant(x));
    }

    @Test
    void detectsStrongSeasonality() {
        double[] x = new double[48];
        for (int t = 0; t < x.length; t++) {
            x[t] = 100 + 20 * Math.sin(2 * Math.PI * t / 12) + 0.1 * t;
        }
        assertTrue(SeasonalityTest.thetaf().isSeasonal(x, 12));
        assertTrue(SeasonalityTest.m4().isSeasonal(x, 12));
        assertFalse(SeasonalityTest.thetaf().isSeasonal(x, 1));
    }

    @Test
    void lengthRulesDifferBetweenThetafAndM4() {
        double[] x = new double[30];
        for (int t = 0; t < x.length; t++) {
            x[t] = t % 10 == 0 ? 50 : 10 + (t % 3);
        }
        // n = 30, m = 10: thetaf needs n > 20, M4 needs n >= 30: both may test; m = 12 leaves only thetaf.
        assertEquals(SeasonalityTest.thetaf().isSeasonal(x, 10), SeasonalityTest.m4().isSeasonal(x, 10));
        assertFalse(SeasonalityTest.m4().isSeasonal(x, 12));
    }
}
