package io.trendcast.train.fit;

import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendRuleTest {

    private static double[] constant(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    @Test
    void changeIsForecastMeanAgainstTheMeanOfTheLastHorizonObservations() {
        double[] history = {1000, 1000, 1000, 100, 100, 100, 100};
        Trend t = TrendRule.of(history, constant(4, 110), 4);
        assertEquals(10.0, t.changePct(), 1e-12, "older history is not part of the comparison");
        assertEquals(Direction.RISING, t.direction());
        assertEquals(Direction.FALLING, TrendRule.of(history, constant(4, 90), 4).direction());
    }

    @Test
    void smallChangesOfASmoothSeriesAreFlatWithinTwoPercent() {
        double[] history = constant(10, 100);
        assertEquals(Direction.FLAT, TrendRule.of(history, constant(5, 101.9), 5).direction());
        assertEquals(Direction.RISING, TrendRule.of(history, constant(5, 102.1), 5).direction());
        assertEquals(Direction.FALLING, TrendRule.of(history, constant(5, 97.9), 5).direction());
    }

    @Test
    void aNoisySeriesNeedsALargerChange() {
        double[] noisy = {60, 140, 60, 140, 60, 140, 60, 140};
        Trend t = TrendRule.of(noisy, constant(8, 110), 8);
        assertEquals(10.0, t.changePct(), 1e-12);
        // standard error of the recent mean: sd 42.76 / sqrt(8) = 15.1 % of the mean, so +10 % is flat
        assertEquals(Direction.FLAT, t.direction());
        assertEquals(Direction.RISING, TrendRule.of(noisy, constant(8, 120), 8).direction());
    }

    @Test
    void aZeroRecentMeanHasNoPercentageButADirection() {
        double[] history = constant(7, 0);
        Trend up = TrendRule.of(history, constant(7, 1), 7);
        assertEquals(Direction.RISING, up.direction());
        assertTrue(Double.isNaN(up.changePct()));
        Trend none = TrendRule.of(history, constant(7, 0), 7);
        assertEquals(Direction.FLAT, none.direction());
        assertEquals(0.0, none.changePct());
    }

    @Test
    void aHistoryShorterThanTheHorizonUsesAllOfIt() {
        Trend t = TrendRule.of(new double[] {10, 10}, constant(6, 15), 6);
        assertEquals(50.0, t.changePct(), 1e-12);
    }
}
