package io.trendcast.testing.theta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.prepare.OutlierDetector;
import io.trendcast.core.series.TimeSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outliers against R {@code forecast::tsoutliers(y)} 8.20 on {@code Nile} with outliers injected at 20, 55, 80 and
 * on {@code log(AirPassengers)} with outliers injected at 30 and 100 (1-based); values in
 * {@code reference/theta/tsoutliers.csv} from {@code theta_reference.R}. R fits STL and Friedman's super smoother;
 * we fit robust medians, so the comparison is of indices, and of replacements only where both interpolate
 * linearly (the non-seasonal Nile, tolerance 1e-9). On the seasonal series R also flags point 135, a natural
 * peak that STL's remainder exaggerates; we require the injected points and nothing R would not flag.
 */
class OutlierReferenceTest {

    @Test
    void nileSameIndicesAndReplacements() {
        List<Map<String, String>> ref = Reference.rows("tsoutliers.csv", "NileOutliers");
        OutlierDetector.Outliers found = OutlierDetector.defaults().detect(Reference.series("NileOutliers"));
        assertArrayEquals(oneBased(ref), found.indices());
        assertArrayEquals(Reference.column(ref, "replacement"), found.replacements(), 1e-9);
    }

    @Test
    void seasonalSeriesSameIndices() {
        TimeSeries y = Reference.series("AirOutliers");
        List<Map<String, String>> ref = Reference.rows("tsoutliers.csv", "AirOutliers");
        OutlierDetector.Outliers found = OutlierDetector.defaults().detect(y);
        int[] expected = oneBased(ref);
        for (int injected : new int[] {29, 99}) {
            assertTrue(Arrays.stream(found.indices()).anyMatch(i -> i == injected), "missed injected " + injected);
        }
        for (int i : found.indices()) {
            assertTrue(Arrays.stream(expected).anyMatch(e -> e == i), "R does not flag " + i);
        }
    }

    private static int[] oneBased(List<Map<String, String>> ref) {
        return Arrays.stream(Reference.column(ref, "index")).mapToInt(v -> (int) v - 1).toArray();
    }
}
