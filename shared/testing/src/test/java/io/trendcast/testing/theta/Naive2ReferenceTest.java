package io.trendcast.testing.theta;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.naive.Naive2Forecaster;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Naive2 against the M4 benchmark as the team's R peer script computes it ({@code naive2f} in
 * {@code tools/peer/peer_forecast.R}: M4 seasonality test, {@code decompose(type = "multiplicative")},
 * {@code naive} on the adjusted series, mean and bounds multiplied by the last season's indices), on the Theta
 * reference series; values in {@code reference/theta/naive2.csv} from {@code theta_reference.R}. No optimiser is
 * involved, so the tolerance is 1e-9 of the series' mean absolute value.
 */
class Naive2ReferenceTest {

    static Stream<String> series() {
        return Reference.ids("naive2.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("series")
    void matchesPeerNaive2(String id) {
        double[] y = Reference.series(id).values();
        List<Map<String, String>> ref = Reference.rows("naive2.csv", id);
        Forecast fc = Naive2Forecaster.defaults().fit(Reference.series(id)).forecast(ref.size(), 80, 95);
        double scale = 0;
        for (double v : y) {
            scale += Math.abs(v) / y.length;
        }
        double tol = 1e-9 * scale;
        ThetaReferenceTest.assertClose(Reference.column(ref, "mean"), fc.mean(), tol, id + " mean");
        ThetaReferenceTest.assertClose(Reference.column(ref, "lo80"), fc.lower()[0], tol, id + " lo80");
        ThetaReferenceTest.assertClose(Reference.column(ref, "hi80"), fc.upper()[0], tol, id + " hi80");
        ThetaReferenceTest.assertClose(Reference.column(ref, "lo95"), fc.lower()[1], tol, id + " lo95");
        ThetaReferenceTest.assertClose(Reference.column(ref, "hi95"), fc.upper()[1], tol, id + " hi95");
    }
}
