package io.trendcast.testing.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.arima.ArimaForecaster;
import io.trendcast.core.model.arima.ArimaModel;
import io.trendcast.core.model.arima.ArimaSpec;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Estimation of a given order against R: each case's order from {@code reference/arima/models.csv} is fitted
 * without search and its coefficients compared with {@code coef(auto.arima(y))} from {@code coefficients.csv}
 * ({@code src/test/r/arima_reference.R}, forecast 8.20, which fits by {@code stats::arima(method = "CSS-ML")}).
 *
 * <p>Tolerances: ARMA coefficients 1e-3 absolute (both are BFGS end points with {@code reltol ≈ 1.5e-8} on a flat
 * likelihood); mean and drift 1e-3 relative to the series' standard deviation; log-likelihood 1e-2 absolute
 * (R approximates the diffuse start of the differencing states with {@code kappa = 1e6}, we use the exact likelihood
 * of the differenced series: with a seasonal difference the two differ by about 3e-3).
 */
class ArimaEstimationParityTest {

    private static final double COEF_TOL = 1e-3;
    private static final double LOGLIK_TOL = 1e-2;

    @TestFactory
    List<DynamicTest> coefficientsMatchStatsArima() {
        Map<String, TimeSeries> series = ReferenceData.series();
        Map<String, Map<String, Double>> coefs = new HashMap<>();
        for (Map<String, String> row : ReferenceData.rows("coefficients.csv")) {
            coefs.computeIfAbsent(row.get("case"), k -> new HashMap<>())
                    .put(row.get("name"), ReferenceData.num(row.get("value")));
        }
        ArimaForecaster arima = ArimaForecaster.create();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, String> ref : ReferenceData.rows("models.csv")) {
            String id = ref.get("case");
            tests.add(DynamicTest.dynamicTest(id, () -> {
                TimeSeries y = series.get(id);
                ArimaSpec spec = new ArimaSpec(i(ref, "p"), i(ref, "d"), i(ref, "q"), i(ref, "P"), i(ref, "D"),
                        i(ref, "Q"), i(ref, "m"), i(ref, "constant") == 1);
                if (spec.sp() + spec.sd() + spec.sq() == 0) {
                    spec = new ArimaSpec(spec.p(), spec.d(), spec.q(), 0, 0, 0, 1, spec.constant());
                }
                ArimaModel model = arima.fit(y, spec);
                Map<String, Double> c = coefs.getOrDefault(id, Map.of());
                check(c, "ar", model.ar(), id);
                check(c, "ma", model.ma(), id);
                check(c, "sar", model.sar(), id);
                check(c, "sma", model.sma(), id);
                if (spec.constant()) {
                    String name = spec.hasDrift() ? "drift" : "intercept";
                    double sd = Math.sqrt(variance(y.values()));
                    assertEquals(c.get(name), model.constant(), COEF_TOL * sd, id + " " + name);
                }
                assertEquals(ReferenceData.num(ref.get("loglik")), model.loglik(), LOGLIK_TOL, id + " loglik");
            }));
        }
        return tests;
    }

    private static void check(Map<String, Double> ref, String prefix, double[] ours, String id) {
        for (int k = 0; k < ours.length; k++) {
            String name = prefix + (k + 1);
            assertEquals(ref.get(name), ours[k], COEF_TOL, id + " " + name);
        }
    }

    private static int i(Map<String, String> row, String key) {
        return Integer.parseInt(row.get(key));
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
