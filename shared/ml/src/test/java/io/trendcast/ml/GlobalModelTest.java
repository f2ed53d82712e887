package io.trendcast.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GlobalModelTest {

    static final int H = 8;
    static final long START = LocalDate.of(2021, 1, 4).toEpochDay();

    /**
     * Weekly series of different sizes sharing a yearly pattern and a promotion effect of +60%; the promotion
     * calendar is known for the forecast weeks too.
     */
    static List<SeriesInput> panel(int nSeries, int n, long seed) {
        Random r = new Random(seed);
        List<SeriesInput> out = new ArrayList<>();
        for (int s = 0; s < nSeries; s++) {
            double level = 20 + r.nextInt(200);
            double[] y = new double[n];
            double[] promo = new double[n + H];
            for (int t = 0; t < n + H; t++) {
                promo[t] = r.nextInt(5) == 0 ? 1 : 0;
            }
            for (int t = 0; t < n; t++) {
                double season = 1 + 0.3 * Math.sin(2 * Math.PI * t / 52.0);
                y[t] = level * season * (1 + 0.6 * promo[t]) * (1 + 0.05 * r.nextGaussian());
            }
            out.add(new SeriesInput(new TimeSeries("s" + s, Frequency.WEEKLY, START, 52, y), List.of("promo"),
                    new double[][] {promo}, Map.of("size", level)));
        }
        return out;
    }

    static GlobalConfig small() {
        return GlobalConfig.builder().trees(40).maxDepth(4).threads(1).holidays(HolidayCalendar.forCountry("US"))
                .build();
    }

    /** Forecast error against the truth the generator would have produced without noise. */
    private static double relativeError(List<SeriesInput> in, Map<String, Forecast> fc, int n) {
        double err = 0;
        double sum = 0;
        for (SeriesInput s : in) {
            double level = s.attributes().get("size");
            double[] mean = fc.get(s.series().id()).mean();
            for (int k = 0; k < H; k++) {
                int t = n + k;
                double truth = level * (1 + 0.3 * Math.sin(2 * Math.PI * t / 52.0)) * (1 + 0.6 * s.covariate("promo", t));
                err += Math.abs(mean[k] - truth);
                sum += truth;
            }
        }
        return err / sum;
    }

    @Test
    void learnsTheSharedPatternAndThePromotionEffect() {
        int n = 120;
        List<SeriesInput> in = panel(30, n, 1);
        GlobalModel model = new TribuoGlobalForecaster(small()).fit(in, H);
        Map<String, Forecast> fc = model.forecastAll(80, 95);
        assertEquals(30, fc.size());
        double rel = relativeError(in, fc, n);
        assertTrue(rel < 0.08, "relative error " + rel);
        // Seasonal naive ignores the promotions: the global model must do clearly better.
        Map<String, Forecast> snaive = new java.util.HashMap<>();
        for (SeriesInput s : in) {
            double[] m = new double[H];
            for (int k = 0; k < H; k++) {
                m[k] = s.series().at(n + k - 52);
            }
            snaive.put(s.series().id(), Forecast.normal("snaive", m, new double[H], 80));
        }
        assertTrue(rel < 0.7 * relativeError(in, snaive, n), "global " + rel + " vs snaive "
                + relativeError(in, snaive, n));
        for (Forecast f : fc.values()) {
            for (int k = 0; k < H; k++) {
                assertTrue(f.lower()[1][k] <= f.lower()[0][k] && f.lower()[0][k] <= f.mean()[k]
                        && f.mean()[k] <= f.upper()[0][k] && f.upper()[0][k] <= f.upper()[1][k], "ordered bounds");
                assertTrue(f.upper()[1][k] > f.lower()[1][k], "conformal intervals have width");
            }
        }
        assertEquals(30, model.backtest().size());
        Map<String, Double> imp = model.importance("s3");
        assertEquals(1.0, imp.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(imp.containsKey("promo") && imp.get("promo") > 0.05, "promo drives sales: " + imp);
    }

    @Test
    void conformalIntervalsCoverTheBacktestShare() {
        List<SeriesInput> truth = panel(40, 110 + H, 2);
        List<SeriesInput> in = new ArrayList<>();
        for (SeriesInput t : truth) {
            in.add(t.withSeries(t.series().head(110)));
        }
        Map<String, Forecast> fc = new TribuoGlobalForecaster(small()).fit(in, H).forecastAll(80);
        int inside = 0;
        int total = 0;
        for (int s = 0; s < in.size(); s++) {
            Forecast f = fc.get("s" + s);
            for (int k = 0; k < H; k++) {
                double y = truth.get(s).series().at(110 + k);
                inside += y >= f.lower()[0][k] && y <= f.upper()[0][k] ? 1 : 0;
                total++;
            }
        }
        double cover = (double) inside / total;
        assertTrue(cover > 0.6 && cover < 0.97, "80% interval coverage " + cover);
    }

    @Test
    void artifactReloadsAndReproducesTheForecasts() throws Exception {
        List<SeriesInput> in = panel(12, 100, 3);
        TribuoGlobalModel model = (TribuoGlobalModel) new TribuoGlobalForecaster(small()).fit(in, H);
        byte[] bytes = GlobalArtifact.toBytes(model);
        TribuoGlobalModel back = GlobalArtifact.read(new ByteArrayInputStream(bytes), in);
        Map<String, Forecast> a = model.forecastAll(80, 95);
        Map<String, Forecast> b = back.forecastAll(80, 95);
        for (String id : a.keySet()) {
            assertArrayEquals(a.get(id).mean(), b.get(id).mean(), 0.0, id);
            assertArrayEquals(a.get(id).upper()[1], b.get(id).upper()[1], 0.0, id);
        }
        String provenance = back.tribuoModel().getProvenance().toString();
        assertTrue(provenance.contains("XGBoostRegressionTrainer"), provenance);
        assertTrue(provenance.contains("4.3.2"), "Tribuo version in the provenance");
        assertThrows(ModelException.class, () -> GlobalArtifact.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}),
                in));
        List<SeriesInput> unknown = List.of(SeriesInput.of(new TimeSeries("other", Frequency.WEEKLY, START, 52,
                new double[60])));
        ModelException e = assertThrows(ModelException.class, () -> GlobalArtifact.read(
                new ByteArrayInputStream(bytes), unknown));
        assertTrue(e.getMessage().contains("'other'"), e.getMessage());
    }

    @Test
    void linearBaselineAndDirectStrategyAlsoForecast() {
        List<SeriesInput> in = panel(20, 110, 4);
        for (GlobalConfig c : List.of(small().withLearner(GlobalConfig.Learner.LINEAR),
                small().withStrategy(GlobalConfig.Strategy.DIRECT))) {
            GlobalModel m = new TribuoGlobalForecaster(c).fit(in, H);
            double rel = relativeError(in, m.forecastAll(80), 110);
            assertTrue(rel < 0.2, c.learner() + "/" + c.strategy() + " relative error " + rel);
            assertTrue(m.description().contains(c.learner().name().toLowerCase()), m.description());
        }
    }

    @Test
    void perSeriesModelServesTheFittedHorizonOnly() {
        List<SeriesInput> in = panel(6, 90, 5);
        GlobalModel m = new TribuoGlobalForecaster(small().withCalibrate(false)).fit(in, H);
        FittedModel one = m.modelFor("s2", 80, 95);
        Forecast f = one.forecast(3, 95);
        assertEquals(3, f.horizon());
        assertArrayEquals(java.util.Arrays.copyOf(m.forecastAll(80, 95).get("s2").mean(), 3), f.mean(), 0.0);
        assertThrows(ModelException.class, () -> one.forecast(H + 1, 95));
        assertThrows(IllegalArgumentException.class, () -> m.modelFor("nope", 80));
        assertTrue(m.backtest().isEmpty(), "no calibration, no backtest");
        assertFalse(m.forecastAll(80).isEmpty());
    }

    @Test
    void rejectsMixedFrequenciesAndEmptyInput() {
        List<SeriesInput> in = new ArrayList<>(panel(2, 60, 6));
        in.add(SeriesInput.of(new TimeSeries("d", Frequency.DAILY, START, 7, new double[60])));
        ModelException e = assertThrows(ModelException.class, () -> new TribuoGlobalForecaster(small()).fit(in, H));
        assertTrue(e.getMessage().contains("frequency"), e.getMessage());
        assertThrows(ModelException.class, () -> new TribuoGlobalForecaster(small()).fit(List.of(), H));
    }
}
