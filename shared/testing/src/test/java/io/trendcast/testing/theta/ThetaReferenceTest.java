package io.trendcast.testing.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.theta.ThetaForecaster;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.stat.SeasonalityTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Theta against R {@code forecast::thetaf(y, h, level = c(80, 95))} 8.20 on M3 series N0001, N0185 (yearly),
 * N0646, N0940, N0700 (quarterly), N1526, N2323, N1402 (monthly), N2830 (other), {@code AirPassengers}, {@code Nile}
 * and {@code WWWusage}, and two short series ({@code Short5}: R falls back to Holt–Winters smoothing for six or
 * fewer values; {@code Short9}) and a daily series with a closed day ({@code Closed7}: a zero seasonal index, so
 * R fits the unadjusted series and still multiplies by the indices); values in {@code reference/theta/thetaf.csv} from {@code theta_reference.R}.
 *
 * <p>Tolerance, relative to the series' mean absolute value: 1e-5 where R's smoothing parameter sits at the
 * 0.9999 bound (both optimisers stop there; only the initial level, which then hardly matters, differs slightly);
 * 5e-4 where it is interior (AirPassengers, Nile) or at the flat lower bound (N1402), because R runs Nelder–Mead
 * on {@code (alpha, l0)} with relative tolerance 1.5e-8 on the criterion and stops a little short of the optimum
 * that our profiled search reaches. On a few other M3 series R stops far short and the forecasts differ by more
 * (see the M3 harness).
 */
class ThetaReferenceTest {

    static Stream<String> series() {
        return Reference.ids("thetaf.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("series")
    void matchesThetaf(String id) {
        TimeSeries y = Reference.series(id);
        List<Map<String, String>> ref = Reference.rows("thetaf.csv", id);
        Forecast fc = ThetaForecaster.defaults().fit(y).forecast(ref.size(), 80, 95);
        double alpha = Double.parseDouble(Reference.rows("thetaf_params.csv", id).get(0).get("alpha"));
        double tol = (alpha > 0.9998 ? 1e-5 : 5e-4) * meanAbs(y.values());
        assertClose(Reference.column(ref, "mean"), fc.mean(), tol, id + " mean");
        assertClose(Reference.column(ref, "lo80"), fc.lower()[0], tol, id + " lo80");
        assertClose(Reference.column(ref, "hi80"), fc.upper()[0], tol, id + " hi80");
        assertClose(Reference.column(ref, "lo95"), fc.lower()[1], tol, id + " lo95");
        assertClose(Reference.column(ref, "hi95"), fc.upper()[1], tol, id + " hi95");
    }

    /** The seasonality decision is exact: same ACF, same threshold {@code qnorm(0.95)}, same {@code n > 2m}. */
    @ParameterizedTest
    @MethodSource("series")
    void sameSeasonalityDecision(String id) {
        TimeSeries y = Reference.series(id);
        boolean expected = Boolean.parseBoolean(Reference.rows("thetaf_params.csv", id).get(0).get("seasonal")
                .toLowerCase());
        assertEquals(expected, SeasonalityTest.thetaf().isSeasonal(y.values(), y.season()), id);
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + " step " + (i + 1));
        }
    }

    private static double meanAbs(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s / x.length;
    }
}
