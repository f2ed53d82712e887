package io.trendcast.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConformalTableTest {

    @Test
    void theHalfWidthIsTheFiniteSampleConformalOrderStatistic() {
        double[][] errors = new double[9][1];
        for (int s = 0; s < 9; s++) {
            errors[s][0] = s % 2 == 0 ? s + 1 : -(s + 1);
        }
        ConformalTable table = ConformalTable.fromErrors(errors, 1);
        assertEquals(8, table.halfWidth(80, 0), "the ceil(10 * 0.8) = 8th smallest of |1..9|");
        assertEquals(9, table.halfWidth(95, 0), "rank ceil(9.5) = 10 > 9: the largest");
        assertEquals(5, table.halfWidth(50, 0), "rank 5");
    }

    @Test
    void neighbouringStepsArePooled() {
        double[][] errors = {{1, 2, 3, 4, 5, 6}};
        ConformalTable table = ConformalTable.fromErrors(errors, 6);
        assertEquals(2, table.halfWidth(50, 0), "step 0 pools steps 0..2 (1, 2, 3): rank ceil(4 * 0.5) = 2");
        assertEquals(6, table.halfWidth(80, 3), "step 3 pools steps 1..5 (2..6): rank ceil(6 * 0.8) = 5 of 5");
    }
}
