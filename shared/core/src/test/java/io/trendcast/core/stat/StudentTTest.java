package io.trendcast.core.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {

    /**
     * Reference: R 4.2 {@code qt(c(0.975, 0.9, 0.975, 0.975, 0.995), c(9, 9, 3, 30, 4))}. The four-term
     * Cornish–Fisher expansion is asymptotic in 1/ν: measured errors are 1.4e-5 at ν = 9, 4e-3 at ν = 3 and 1e-2 at
     * the 99.5% point with ν = 4; the tolerances are those rounded up.
     */
    @Test
    void quantilesMatchR() {
        assertEquals(2.26215716279820, StudentT.quantile(0.975, 9), 1e-4);
        assertEquals(1.38302873839663, StudentT.quantile(0.9, 9), 1e-4);
        assertEquals(2.04227245630124, StudentT.quantile(0.975, 30), 1e-6);
        assertEquals(3.18244630528371, StudentT.quantile(0.975, 3), 5e-3);
        assertEquals(4.60409487134999, StudentT.quantile(0.995, 4), 1.2e-2);
        assertEquals(Normal.quantile(0.975), StudentT.quantile(0.975, Double.POSITIVE_INFINITY), 0);
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.9, 0.5));
    }
}
