package io.trendcast.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BrentTest {

    @Test
    void findsMinimumOfParabola() {
        Brent.Result r = Brent.minimize(x -> (x - 0.3) * (x - 0.3) + 2, 0, 1, 1e-10);
        assertEquals(0.3, r.x(), 1e-7);
        assertEquals(2, r.value(), 1e-12);
    }

    @Test
    void stopsAtBoundWhenMinimumLiesOutside() {
        Brent.Result r = Brent.minimize(x -> x, 0.5, 2, 1e-10);
        assertEquals(0.5, r.x(), 1e-8);
    }

    @Test
    void gridVariantEscapesLocalMinimum() {
        // Local minimum near 0.2 (value 0.5), global at 0.8 (value 0).
        Brent.Result r = Brent.minimizeGlobal(x -> Math.min(0.5 + 10 * (x - 0.2) * (x - 0.2),
                10 * (x - 0.8) * (x - 0.8)), 0, 1, 21, 1e-10);
        assertEquals(0.8, r.x(), 1e-6);
    }

    @Test
    void rejectsEmptyInterval() {
        assertThrows(IllegalArgumentException.class, () -> Brent.minimize(x -> x, 1, 1, 1e-6));
    }
}
