package io.trendcast.testing.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.arima.ArimaForecaster;
import io.trendcast.core.model.arima.ArimaModel;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Automatic ARIMA against R: every case of {@code reference/arima/models.csv} and {@code forecasts.csv}, produced by
 * {@code src/test/r/arima_reference.R} as {@code auto.arima(y)} and {@code forecast(fit, h, level = c(80, 95))}
 * with forecast 8.20 defaults.
 *
 * <p>Tolerances: the chosen model string must be identical; AICc within 0.05 (optimiser end points differ by about
 * 1e-4 in the log-likelihood); point forecasts and interval bounds within 1% of the forecast's scale (the larger of
 * |mean| and the 95% half-width) at every step.
 */
class AutoArimaParityTest {

    private static final double AICC_TOL = 0.05;
    private static final double FORECAST_REL_TOL = 0.01;

    @TestFactory
    List<DynamicTest> matchesAutoArima() {
        Map<String, TimeSeries> series = ReferenceData.series();
        Map<String, List<Map<String, String>>> fc = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceData.rows("forecasts.csv")) {
            fc.computeIfAbsent(row.get("case"), k -> new ArrayList<>()).add(row);
        }
        ArimaForecaster arima = ArimaForecaster.create();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, String> ref : ReferenceData.rows("models.csv")) {
            String id = ref.get("case");
            tests.add(DynamicTest.dynamicTest(id, () -> {
                ArimaModel model = arima.fit(series.get(id));
                assertEquals(ref.get("model"), model.description(), "auto.arima choice");
                assertEquals(ReferenceData.num(ref.get("aicc")), model.aicc(), AICC_TOL, "AICc");
                List<Map<String, String>> rows = fc.get(id);
                Forecast f = model.forecast(rows.size(), 80, 95);
                for (int t = 0; t < rows.size(); t++) {
                    Map<String, String> r = rows.get(t);
                    double mean = ReferenceData.num(r.get("mean"));
                    double scale = Math.max(Math.abs(mean), ReferenceData.num(r.get("hi95")) - mean);
                    double tol = FORECAST_REL_TOL * scale;
                    String at = id + " step " + (t + 1);
                    assertEquals(mean, f.mean()[t], tol, at + " mean");
                    assertEquals(ReferenceData.num(r.get("lo80")), f.lower()[0][t], tol, at + " lo80");
                    assertEquals(ReferenceData.num(r.get("hi80")), f.upper()[0][t], tol, at + " hi80");
                    assertEquals(ReferenceData.num(r.get("lo95")), f.lower()[1][t], tol, at + " lo95");
                    assertEquals(ReferenceData.num(r.get("hi95")), f.upper()[1][t], tol, at + " hi95");
                }
            }));
        }
        return tests;
    }
}
