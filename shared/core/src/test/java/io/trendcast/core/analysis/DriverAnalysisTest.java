package io.trendcast.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriverAnalysisTest {

    /** Sales = exp(level - 1.5 log price + 0.25 promo + noise): elasticity -1.5, promotion lift e^0.25 - 1. */
    private static List<SeriesInput> panel(long seed) {
        Random r = new Random(seed);
        List<SeriesInput> out = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            int n = 100;
            double level = 3 + r.nextDouble() * 2;
            double[] y = new double[n];
            double[] price = new double[n];
            double[] promo = new double[n];
            double[] noise = new double[n];
            for (int t = 0; t < n; t++) {
                price[t] = 5 * (1 + 0.2 * r.nextGaussian());
                promo[t] = r.nextInt(4) == 0 ? 1 : 0;
                noise[t] = r.nextGaussian();
                y[t] = Math.exp(level - 1.5 * Math.log(price[t]) + 0.25 * promo[t] + 0.1 * r.nextGaussian());
            }
            out.add(new SeriesInput(new TimeSeries("s" + s, Frequency.DAILY, LocalDate.of(2024, 1, 1).toEpochDay(),
                    7, y), List.of("price", "promo", "noise"), new double[][] {price, promo, noise}, Map.of()));
        }
        return out;
    }

    @Test
    void recoversElasticityAndLiftWithinTheirIntervals() {
        DriverReport rep = DriverAnalysis.analyze(panel(1), "price", "promo", id -> Map.of(), 0);
        assertEquals(20, rep.series());
        assertEquals(2000, rep.rows());
        Effect price = rep.effects().get(0);
        Effect promo = rep.effects().get(1);
        assertEquals("log(price)", price.driver());
        assertTrue(price.lo95() < -1.5 && -1.5 < price.hi95(), price.toString());
        assertTrue(price.hi95() - price.lo95() < 0.1, "tight interval with 2,000 rows: " + price);
        assertTrue(promo.lo95() < 0.25 && 0.25 < promo.hi95(), promo.toString());
        assertEquals(2000, price.rows());
    }

    @Test
    void correlationsShowWhichDriversMoveSales() {
        DriverReport rep = DriverAnalysis.analyze(panel(2), "price", "promo", id -> Map.of(), 0);
        Map<String, Double> r = new java.util.HashMap<>();
        rep.correlations().forEach(c -> r.put(c.driver(), c.r()));
        assertTrue(r.get("price") < -0.3, "higher price, lower sales: " + r);
        assertTrue(r.get("promo") > 0.05, "promotions lift sales: " + r);
        assertTrue(Math.abs(r.get("noise")) < 0.1, "noise is unrelated: " + r);
        List<SeriesInput> withConstant = new ArrayList<>();
        for (SeriesInput in : panel(2)) {
            double[] flat = new double[in.series().length()];
            java.util.Arrays.fill(flat, 3);
            withConstant.add(new SeriesInput(in.series(), List.of("price", "flat"), new double[][] {
                in.covariates()[0], flat}, Map.of()));
        }
        assertEquals(List.of("price"), DriverAnalysis.analyze(withConstant, "price", "promo", id -> Map.of(), 0)
                .correlations().stream().map(Correlation::driver).toList(), "a constant driver has no correlation");
    }

    @Test
    void pcaSharesAddUpAndMatchAKnownSpectrum() {
        assertArrayEquals(new double[] {1, 3}, Pca.eigenvalues(new double[][] {{2, 1}, {1, 2}}), 1e-12);
        assertArrayEquals(new double[] {0, 0, 3}, Pca.eigenvalues(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}),
                1e-9);
        double[][] x = new double[200][];
        Random r = new Random(4);
        for (int i = 0; i < x.length; i++) {
            double a = r.nextGaussian();
            x[i] = new double[] {a, 2 * a + 1e-3 * r.nextGaussian(), r.nextGaussian(), 7};
        }
        double[] share = Pca.varianceExplained(x);
        assertEquals(3, share.length, "the constant column is dropped");
        assertEquals(1.0, share[0] + share[1] + share[2], 1e-9);
        assertEquals(2.0 / 3, share[0], 0.05);
        DriverReport rep = DriverAnalysis.analyze(panel(3), "price", "promo", id -> Map.of(), 0);
        double sum = 0;
        for (double v : rep.pcaExplained()) {
            sum += v;
            assertTrue(v >= 0);
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void jsonCarriesEverySectionAndImportanceOfTheLargestSeries() {
        DriverReport rep = DriverAnalysis.analyze(panel(5), "price", "promo",
                id -> Map.of("history", 0.7, "promo", 0.3), 2);
        assertEquals(2, rep.importance().size());
        String json = rep.toJson();
        assertTrue(json.startsWith("{\"series\":20,\"rows\":2000,\"correlations\":[{\"driver\":\"noise\""), json);
        assertTrue(json.contains("\"pca\":{\"features\":[\"lag_1\""), json);
        assertTrue(json.contains("\"effects\":[{\"driver\":\"log(price)\",\"estimate\":-1.5"), json);
        assertTrue(json.contains("\"importance\":{\"s"), json);
        DriverReport none = DriverAnalysis.analyze(panel(5), "cost", "deal", id -> Map.of(), 3);
        assertTrue(none.effects().isEmpty(), "no price or promotion column, no regression");
        assertTrue(none.toJson().contains("\"effects\":[],\"importance\":{}"), none.toJson());
        assertThrows(IllegalArgumentException.class, () -> DriverAnalysis.analyze(List.of(), "p", "q", id -> Map.of(),
                0));
    }
}
