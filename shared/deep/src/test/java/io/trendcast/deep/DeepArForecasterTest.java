package io.trendcast.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trains a tiny DeepAR (1 layer × 16 units, a few hundred small batches) on a generated panel of daily series with a
 * strong weekly pattern; the whole class runs in seconds on one thread.
 */
class DeepArForecasterTest {

    private static final int HORIZON = 14;
    private static final int LENGTH = 140;

    private static List<SeriesInput> panel;
    private static List<double[]> future;
    private static DeepArModel model;

    static DeepArConfig tiny(long seed) {
        return DeepArConfig.builder().hiddenSize(16).layers(1).embeddingSize(4).maxEpochs(12).minEpochs(4)
                .patience(3).batchesPerEpoch(15).batchSize(32).learningRate(0.01).samplePaths(50).seed(seed)
                .holidays(HolidayCalendar.of(EnumSet.noneOf(io.trendcast.core.features.Festival.class))).build();
    }

    @BeforeAll
    static void fit() {
        Random rng = new Random(7);
        panel = new ArrayList<>();
        future = new ArrayList<>();
        long start = LocalDate.of(2024, 1, 1).toEpochDay();
        for (int s = 0; s < 30; s++) {
            double level = 20 + 80 * rng.nextDouble();
            double phase = rng.nextInt(7);
            double[] all = new double[LENGTH + HORIZON];
            for (int t = 0; t < all.length; t++) {
                double weekly = 1 + 0.6 * Math.sin(2 * Math.PI * (t + phase) / 7);
                all[t] = Math.max(0, level * weekly + rng.nextGaussian() * 0.05 * level);
            }
            double[] hist = java.util.Arrays.copyOf(all, LENGTH);
            panel.add(SeriesInput.of(new TimeSeries("s" + s, Frequency.DAILY, start, 7, hist)));
            future.add(java.util.Arrays.copyOfRange(all, LENGTH, all.length));
        }
        model = new DeepArForecaster(tiny(11)).fitModel(panel, HORIZON);
    }

    @Test
    void beatsTheNaiveForecastOnASeasonalPanel() {
        Map<String, Forecast> fc = model.forecastAll(80, 95);
        double errDeep = 0;
        double errNaive = 0;
        double total = 0;
        for (int s = 0; s < panel.size(); s++) {
            double[] y = future.get(s);
            double[] hist = panel.get(s).series().values();
            double[] mean = fc.get("s" + s).mean();
            for (int k = 0; k < HORIZON; k++) {
                errDeep += Math.abs(y[k] - mean[k]);
                errNaive += Math.abs(y[k] - hist[hist.length - 1]);
                total += Math.abs(y[k]);
            }
        }
        double wapeDeep = errDeep / total;
        double wapeNaive = errNaive / total;
        assertTrue(wapeDeep < 0.7 * wapeNaive, "deepar WAPE " + wapeDeep + " vs naive " + wapeNaive);
    }

    @Test
    void intervalsAreOrderedAndNested() {
        for (Forecast f : model.forecastAll(80, 95).values()) {
            for (int k = 0; k < HORIZON; k++) {
                assertTrue(f.lower()[1][k] <= f.lower()[0][k], "lo95 <= lo80");
                assertTrue(f.lower()[0][k] <= f.mean()[k], "lo80 <= point");
                assertTrue(f.mean()[k] <= f.upper()[0][k], "point <= hi80");
                assertTrue(f.upper()[0][k] <= f.upper()[1][k], "hi80 <= hi95");
                assertTrue(f.lower()[1][k] >= 0, "non-negative series get non-negative bounds");
            }
        }
    }

    @Test
    void backtestCoversEverySeriesWithTheHeldBackHorizon() {
        assertEquals(panel.size(), model.backtest().size());
        for (double[] b : model.backtest().values()) {
            assertEquals(HORIZON, b.length);
        }
        assertTrue(model.provenance().validationEpoch() >= 1);
        assertEquals(model.provenance().validationEpoch(), model.provenance().epochs());
        assertEquals(model.provenance().validationEpoch() + 3 <= 12 ? model.provenance().validationEpoch() + 3
                : 12, model.provenance().validationLoss().size(), "stops 3 epochs (the patience) after the best");
    }

    @Test
    void sameSeedSameForecastsAndArtifactReloadIsIdentical() throws Exception {
        DeepArModel again = new DeepArForecaster(tiny(11)).fitModel(panel, HORIZON);
        Forecast a = model.forecastAll(80).get("s3");
        Forecast b = again.forecastAll(80).get("s3");
        assertArrayEquals(a.mean(), b.mean());
        assertArrayEquals(a.upper()[0], b.upper()[0]);

        byte[] bytes = DeepArArtifact.toBytes(model);
        DeepArModel loaded = DeepArArtifact.read(new ByteArrayInputStream(bytes), panel);
        for (String id : model.seriesIds()) {
            Forecast x = model.forecastAll(80, 95).get(id);
            Forecast y = loaded.forecastAll(80, 95).get(id);
            assertArrayEquals(x.mean(), y.mean(), id);
            assertArrayEquals(x.lower()[1], y.lower()[1], id);
            assertArrayEquals(x.upper()[1], y.upper()[1], id);
        }
        assertEquals(model.backtest().keySet(), loaded.backtest().keySet());
        String json = loaded.provenance().toJson(loaded.config());
        assertTrue(json.contains("\"sha256\":\"" + model.provenance().dataSha256() + "\""), json);
        assertTrue(json.contains("\"library\":\"DJL 0.36.0\""), json);
    }

    /**
     * A series with one value (an item first sold on the batch's last day) is left out: the others get exactly the
     * forecasts of the fit without it, it gets none, the artifact reloads from the same batch, and a batch of such
     * series alone is refused.
     */
    @Test
    void aSeriesTooShortIsLeftOutAndTheRestFitAsWithoutIt() throws Exception {
        List<SeriesInput> batch = new ArrayList<>(panel);
        long last = panel.get(0).series().start() + LENGTH - 1;
        SeriesInput single = SeriesInput.of(new TimeSeries("new", Frequency.DAILY, last, 7, new double[] {3}));
        batch.add(5, single);
        DeepArModel withShort = new DeepArForecaster(tiny(11)).fitModel(batch, HORIZON);
        Map<String, Forecast> fc = withShort.forecastAll(80, 95);
        assertFalse(fc.containsKey("new"));
        assertEquals(panel.size(), fc.size());
        assertArrayEquals(model.forecastAll(80).get("s7").mean(), fc.get("s7").mean());
        DeepArModel loaded = DeepArArtifact.read(new ByteArrayInputStream(DeepArArtifact.toBytes(withShort)), batch);
        assertArrayEquals(fc.get("s7").mean(), loaded.forecastAll(80, 95).get("s7").mean());
        ModelException e = assertThrows(ModelException.class,
                () -> new DeepArForecaster(tiny(11)).fitModel(List.of(single), HORIZON));
        assertTrue(e.getMessage().contains("at least 2 values"), e.getMessage());
    }

    @Test
    void anotherSeedGivesOtherForecasts() {
        DeepArConfig other = DeepArConfig.builder().hiddenSize(16).layers(1).embeddingSize(4).maxEpochs(2)
                .minEpochs(2).patience(1).batchesPerEpoch(5).batchSize(32).learningRate(0.01).samplePaths(50)
                .seed(99).validate(false).build();
        DeepArModel m = new DeepArForecaster(other).fitModel(panel, HORIZON);
        assertTrue(!java.util.Arrays.equals(m.forecastAll(80).get("s0").mean(), model.forecastAll(80).get("s0").mean()));
        assertTrue(m.backtest().isEmpty(), "no validation, no backtest");
        assertEquals(2, m.provenance().epochs());
    }

    @Test
    void artifactRefusesOtherSeries() {
        byte[] bytes = DeepArArtifact.toBytes(model);
        List<SeriesInput> fewer = panel.subList(0, 5);
        assertThrows(DeepArException.class, () -> DeepArArtifact.read(new ByteArrayInputStream(bytes), fewer));
        List<SeriesInput> changed = new ArrayList<>(panel);
        TimeSeries ts = panel.get(0).series();
        double[] v = ts.values();
        v[3] += 1;
        changed.set(0, SeriesInput.of(ts.withValues(v)));
        assertThrows(DeepArException.class, () -> DeepArArtifact.read(new ByteArrayInputStream(bytes), changed));
    }

    @Test
    void ensembleMembersShareThePathsAndAnEnsembleArtifactReloadsIdentically() throws Exception {
        DeepArConfig three = DeepArConfig.builder().hiddenSize(16).layers(1).embeddingSize(4).maxEpochs(2)
                .minEpochs(2).patience(1).batchesPerEpoch(5).batchSize(32).learningRate(0.01).samplePaths(50)
                .seed(5).members(3).build();
        assertEquals(List.of(17, 17, 16), java.util.stream.IntStream.range(0, 3)
                .mapToObj(k -> three.member(k).samplePaths()).toList());
        assertEquals(3, java.util.stream.IntStream.range(0, 3).mapToLong(k -> three.member(k).seed()).distinct()
                .count(), "every member its own seed");
        DeepArModel ensemble = new DeepArForecaster(three).fitModel(panel, HORIZON);
        assertEquals(3, ensemble.parameters().size());
        assertEquals(50, ensemble.samplesOf("s2")[0].length, "the members' paths pooled");
        assertEquals(panel.size(), ensemble.backtest().size());
        DeepArModel loaded = DeepArArtifact.read(new ByteArrayInputStream(DeepArArtifact.toBytes(ensemble)), panel);
        for (String id : ensemble.seriesIds()) {
            Forecast x = ensemble.forecastAll(80, 95).get(id);
            Forecast y = loaded.forecastAll(80, 95).get(id);
            assertArrayEquals(x.mean(), y.mean(), id);
            assertArrayEquals(x.upper()[1], y.upper()[1], id);
        }
        DeepArModel single = new DeepArForecaster(DeepArConfig.builder().hiddenSize(16).layers(1).embeddingSize(4)
                .maxEpochs(2).minEpochs(2).patience(1).batchesPerEpoch(5).batchSize(32).learningRate(0.01)
                .samplePaths(50).seed(5).build()).fitModel(panel, HORIZON);
        assertTrue(!java.util.Arrays.equals(single.forecastAll(80).get("s0").mean(),
                ensemble.forecastAll(80).get("s0").mean()), "the ensemble is not its first member");
    }

    @Test
    void poolingMergesTheMembersSortedSamples() {
        float[][][] a = {{{1f, 4f}, {2f, 3f}}};
        float[][][] b = {{{0f, 5f, 9f}, {1f, 1f, 8f}}};
        float[][][] pooled = DeepArForecaster.pool(List.of(a, b));
        assertArrayEquals(new float[] {0f, 1f, 4f, 5f, 9f}, pooled[0][0]);
        assertArrayEquals(new float[] {1f, 1f, 2f, 3f, 8f}, pooled[0][1]);
    }

    @Test
    void covariatesRecordedInLessThanHalfTheHistoryAreLeftOut() {
        List<SeriesInput> inputs = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            TimeSeries ts = panel.get(s).series();
            int n = ts.length();
            double[] price = new double[n + HORIZON];
            double[] markdown = new double[n + HORIZON];
            for (int t = 0; t < price.length; t++) {
                price[t] = 10 + (t % 5);
                markdown[t] = t >= n - 20 ? 100 + t : Double.NaN;
            }
            inputs.add(new SeriesInput(ts, List.of("price", "markdown"), new double[][] {price, markdown},
                    java.util.Map.of()));
        }
        Panel p = Panel.of(inputs, HolidayCalendar.of(EnumSet.noneOf(io.trendcast.core.features.Festival.class)), 0);
        assertEquals(List.of("price"), p.covariates());
    }

    @Test
    void withTheSeasonalSkipNeitherThePhaseOfTheYearNorFestivalsAreFeatures() {
        HolidayCalendar none = HolidayCalendar.of(EnumSet.noneOf(io.trendcast.core.features.Festival.class));
        double[] v = new double[120];
        java.util.Arrays.fill(v, 5);
        long monday = LocalDate.of(2021, 1, 4).toEpochDay();
        Panel weekly = Panel.of(List.of(SeriesInput.of(new TimeSeries("w", Frequency.WEEKLY, monday, 52, v))),
                HolidayCalendar.forCountry("GLOBAL"), 0);
        float[] christmas = new float[weekly.width];
        float[] august = new float[weekly.width];
        weekly.features(0, 102, 120, christmas, 0, null, 0);
        weekly.features(0, 86, 120, august, 0, null, 0);
        assertTrue(weekly.baseColumn() >= 0);
        assertArrayEquals(christmas, august, "a flat series reads the same features at Christmas and in August");
        Panel daily = Panel.of(List.of(SeriesInput.of(new TimeSeries("d", Frequency.DAILY, monday, 7, v))), none, 0);
        float[] first = new float[daily.width];
        float[] later = new float[daily.width];
        daily.features(0, 40, 120, first, 0, null, 0);
        daily.features(0, 110, 120, later, 0, null, 0);
        assertTrue(!java.util.Arrays.equals(first, later), "without the skip the day of year is a feature");
    }

    @Test
    void configIsValidatedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> DeepArConfig.builder().members(0).build());
        assertThrows(IllegalArgumentException.class, () -> DeepArConfig.builder().samplePaths(10).members(6).build());
        assertThrows(IllegalArgumentException.class, () -> DeepArConfig.builder().hiddenSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> DeepArConfig.builder().learningRate(0).build());
        assertThrows(IllegalArgumentException.class, () -> DeepArConfig.builder().minEpochs(9).maxEpochs(3).build());
        assertThrows(IllegalArgumentException.class, () -> DeepArConfig.builder().samplePaths(1).build());
    }
}
