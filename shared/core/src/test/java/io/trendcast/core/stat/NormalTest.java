package io.trendcast.core.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalTest {

    /** Reference values: R 4.2 {@code qnorm(c(0.975, 0.9, 0.5, 1e-10))} printed with 16 digits. */
    @Test
    void quantileMatchesR() {
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-15);
        assertEquals(1.281551565544601, Normal.quantile(0.9), 1e-14);
        assertEquals(0.0, Normal.quantile(0.5), 0);
        assertEquals(-6.361340902404056, Normal.quantile(1e-10), 1e-12);
    }

    /** Reference: R {@code pnorm(c(1.96, -1))}; the approximation is good to about 1e-7 relative. */
    @Test
    void cdfMatchesRWithinItsAccuracy() {
        assertEquals(0.9750021048517795, Normal.cdf(1.96), 1e-7);
        assertEquals(0.1586552539314571, Normal.cdf(-1), 1e-7);
    }
}
