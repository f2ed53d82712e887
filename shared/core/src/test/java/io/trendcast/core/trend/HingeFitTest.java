package io.trendcast.core.trend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HingeFitTest {

    @Test
    void anExactBrokenLineIsFoundWithNoResidual() {
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) {
            y[t] = 5 + 0.2 * t + (t > 70 ? 1.5 * (t - 70) : 0);
        }
        y[30] = Double.NaN;
        HingeFit fit = HingeFit.fit(y, 10);
        assertEquals(70, fit.breakAt());
        assertEquals(0, fit.sseHinge(), 1e-6);
        assertTrue(fit.sseLine() > 1000, "a straight line fits badly: " + fit.sseLine());
        assertEquals(119, fit.points());
        assertTrue(fit.fStatistic() > 1e6);
        double[] slope = HingeFit.slope(y, 71);
        assertEquals(1.7, slope[0], 1e-9);
    }

    @Test
    void aStraightLineHasNoBetterBreak() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 3 - 0.5 * t + (t % 2 == 0 ? 0.1 : -0.1);
        }
        HingeFit fit = HingeFit.fit(y, 10);
        assertTrue(fit.fStatistic() < 10, "F = " + fit.fStatistic());
    }
}
