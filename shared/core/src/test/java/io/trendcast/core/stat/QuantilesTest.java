package io.trendcast.core.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void matchesRsDefaultQuantileAndIgnoresNaN() {
        // R: quantile(c(4, 1, 10, 3, 2), c(0, 0.25, 0.5, 0.9, 1)) -> 1, 2, 3, 7.6, 10
        double[] x = {4, 1, Double.NaN, 10, 3, 2};
        assertEquals(1, Quantiles.type7(x, 0), 1e-12);
        assertEquals(2, Quantiles.type7(x, 0.25), 1e-12);
        assertEquals(3, Quantiles.type7(x, 0.5), 1e-12);
        assertEquals(7.6, Quantiles.type7(x, 0.9), 1e-12);
        assertEquals(10, Quantiles.type7(x, 1), 1e-12);
        assertEquals(4, x[0], "the input is left as it was");
    }

    @Test
    void nothingButNaNHasNoQuantile() {
        assertTrue(Double.isNaN(Quantiles.type7(new double[] {Double.NaN}, 0.5)));
        assertTrue(Double.isNaN(Quantiles.type7(new double[0], 0.5)));
    }
}
