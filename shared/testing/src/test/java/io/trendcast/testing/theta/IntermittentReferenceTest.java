package io.trendcast.testing.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.intermittent.CrostonForecaster;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Croston point forecasts against R {@code forecast::croston(y, h = 5, alpha = 0.1)} 8.20 on two seeded random
 * intermittent series, a hand-written one, a series with one sale and one with none; values in
 * {@code reference/theta/croston.csv} from {@code theta_reference.R}. Same recursions, tolerance 1e-10.
 */
class IntermittentReferenceTest {

    static Stream<String> series() {
        return Reference.ids("croston.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("series")
    void matchesCroston(String id) {
        List<Map<String, String>> ref = Reference.rows("croston.csv", id);
        Forecast fc = CrostonForecaster.croston().fit(Reference.series(id)).forecast(ref.size(), 80, 95);
        double[] expected = Reference.column(ref, "mean");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], fc.mean()[i], 1e-10, id + " step " + (i + 1));
        }
    }
}
