package io.trendcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrepareTest {

    private static final double NA = Double.NaN;

    @Test
    void shortGapsAreLinear() {
        double[] filled = GapFiller.defaults().fill(new double[] {1, NA, NA, 4, 5}, 1);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, filled, 1e-12);
    }

    @Test
    void longGapsInSeasonalSeriesAreSeasonal() {
        double[] x = {1, 9, 1, 9, NA, NA, NA, NA, 3, 11, 3, 11};
        double[] filled = GapFiller.builder().maxLinearGap(2).build().fill(x, 2);
        assertArrayEquals(new double[] {1, 9, 1, 9, 2, 10, 2, 10, 3, 11, 3, 11}, filled, 1e-12);
    }

    @Test
    void longGapWithoutSeasonalNeighboursIsLinear() {
        double[] filled = GapFiller.builder().maxLinearGap(1).build().fill(new double[] {1, NA, NA, NA, 5}, 12);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, filled, 1e-12);
    }

    @Test
    void zeroPolicyAndEnds() {
        assertArrayEquals(new double[] {0, 2, 0}, GapFiller.builder().policy(GapFiller.Policy.ZERO).build()
                .fill(new double[] {NA, 2, NA}, 1), 0);
        assertArrayEquals(new double[] {2, 2, 3, 3}, GapFiller.defaults().fill(new double[] {NA, 2, 3, NA}, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> GapFiller.defaults().fill(new double[] {NA, NA}, 1));
    }

    @Test
    void differencingRoundTrip() {
        double[] x = {3, 5, 4, 8, 9, 7, 12, 15, 14, 18, 21, 20};
        double[] future = {22, 25, 24, 30};
        for (Differencing d : new Differencing[] {new Differencing(1, 1), new Differencing(1, 2),
            new Differencing(4, 1), new Differencing(3, 2)}) {
            double[] all = new double[x.length + future.length];
            System.arraycopy(x, 0, all, 0, x.length);
            System.arraycopy(future, 0, all, x.length, future.length);
            double[] diffAll = d.apply(all);
            double[] diffFuture = java.util.Arrays.copyOfRange(diffAll, diffAll.length - future.length,
                    diffAll.length);
            assertArrayEquals(future, d.integrate(x, diffFuture), 1e-9, d.toString());
        }
        assertArrayEquals(new double[] {1, -1, 4}, new Differencing(1, 1).apply(new double[] {3, 4, 3, 7}), 0);
    }

    @Test
    void outlierInFlatNoiseIsFound() {
        double[] x = new double[50];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 + Math.sin(t * 1.7);
        }
        x[20] = 40;
        OutlierDetector.Outliers o = OutlierDetector.defaults().detect(x, 1);
        assertArrayEquals(new int[] {20}, o.indices());
        assertEquals((x[19] + x[21]) / 2, o.replacements()[0], 1e-12);
        assertEquals(0, OutlierDetector.defaults().detect(new double[30], 1).indices().length);
    }
}
