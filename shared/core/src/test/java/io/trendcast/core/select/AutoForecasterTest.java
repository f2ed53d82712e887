package io.trendcast.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.model.naive.DriftForecaster;
import io.trendcast.core.model.naive.NaiveForecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import io.trendcast.core.model.theta.ThetaForecaster;
import io.trendcast.core.series.TimeSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoForecasterTest {

    /** A method that always fails, standing in for a model that cannot fit a series. */
    static final class Failing implements Forecaster {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public FittedModel fit(TimeSeries series) {
            throw new ModelException("cannot fit");
        }
    }

    /** Naive forecasts with intervals a tenth as wide as they should be. */
    static final class Overconfident implements Forecaster {
        @Override
        public String name() {
            return "overconfident";
        }

        @Override
        public FittedModel fit(TimeSeries series) {
            FittedModel inner = new NaiveForecaster().fit(series);
            return new FittedModel() {
                @Override
                public String description() {
                    return "Overconfident";
                }

                @Override
                public Forecast forecast(int horizon, double... levels) {
                    Forecast f = inner.forecast(horizon, levels);
                    double[][] lo = new double[levels.length][horizon];
                    double[][] hi = new double[levels.length][horizon];
                    for (int k = 0; k < levels.length; k++) {
                        for (int t = 0; t < horizon; t++) {
                            lo[k][t] = f.mean()[t] - 0.1 * (f.mean()[t] - f.lower()[k][t]);
                            hi[k][t] = f.mean()[t] + 0.1 * (f.upper()[k][t] - f.mean()[t]);
                        }
                    }
                    return new Forecast("Overconfident", f.mean(), f.levels(), lo, hi);
                }
            };
        }
    }

    private static TimeSeries seasonal(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 30 * ((t % 12) < 6 ? 1 : -1) + (t % 5);
        }
        return TimeSeries.of("s", 12, y);
    }

    private static TimeSeries randomWalk(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] y = new double[n];
        double v = 100;
        for (int t = 0; t < n; t++) {
            v += r.nextDouble(-5, 5);
            y[t] = v;
        }
        return TimeSeries.of("w", 1, y);
    }

    @Test
    void choosesTheMethodWithTheLowestBacktestErrorAndReportsIt() {
        AutoForecaster auto = AutoForecaster.builder()
                .methods(List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(), new DriftForecaster()))
                .build();
        AutoModel m = (AutoModel) auto.fit(seasonal(96), 12);
        assertEquals("snaive", m.choice());
        assertNotNull(m.accuracy());
        assertEquals(3, m.accuracy().folds());
        assertTrue(m.accuracy().smape() < 5, "seasonal naive is within a few percent here: " + m.accuracy());
        assertEquals(1.0, m.accuracy().mase(), 0.2, "the MASE scale is seasonal naive's own in-sample error");
    }

    @Test
    void aFailingCandidateIsSkippedAndReportedNotFatal() {
        AutoForecaster auto = AutoForecaster.builder()
                .methods(List.of(new Failing(), new NaiveForecaster()))
                .combination(Combiner.MEDIAN, "failing", "naive")
                .build();
        AutoModel m = (AutoModel) auto.fit(randomWalk(50, 1), 6);
        assertEquals("naive", m.choice());
        assertEquals(1, m.skipped().size());
        assertTrue(m.skipped().get(0).startsWith("failing: cannot fit"));
        assertEquals(6, m.forecast(6, 80, 95).horizon());
    }

    @Test
    void onlyNoCandidateFittingIsAnError() {
        AutoForecaster auto = AutoForecaster.builder().methods(List.of(new Failing())).build();
        ModelException e = assertThrows(ModelException.class, () -> auto.fit(randomWalk(30, 2), 6));
        assertTrue(e.getMessage().contains("no candidate"));
    }

    @Test
    void tooNarrowIntervalsAreWidenedFromBacktestErrors() {
        AutoForecaster auto = AutoForecaster.builder().methods(List.of(new Overconfident()))
                .folds(10).calibrationPrior(0).maxCalibrationFactor(50).build();
        TimeSeries s = randomWalk(300, 3);
        Forecast raw = new Overconfident().fit(s).forecast(6, 95);
        Forecast cal = auto.fit(s, 6).forecast(6, 95);
        double rawWidth = raw.upper()[0][0] - raw.lower()[0][0];
        double calWidth = cal.upper()[0][0] - cal.lower()[0][0];
        assertTrue(calWidth > 4 * rawWidth, "calibrated " + calWidth + " vs raw " + rawWidth);
    }

    @Test
    void mostlyZeroSeriesUseTheIntermittentMethods() {
        double[] y = new double[60];
        for (int t = 0; t < 60; t += 4) {
            y[t] = 3;
        }
        AutoForecaster auto = AutoForecaster.builder().methods(List.of(new DriftForecaster()))
                .intermittentMethods(List.of(new NaiveForecaster())).build();
        assertEquals("naive", ((AutoModel) auto.fit(TimeSeries.of("i", 1, y), 4)).choice());
    }

    @Test
    void aSeriesTooShortToBacktestGetsTheFallbackChoice() {
        AutoForecaster auto = AutoForecaster.builder()
                .methods(List.of(new NaiveForecaster(), new DriftForecaster()))
                .combination(Combiner.MEAN, "naive", "drift").fallbackChoice("mean(naive,drift)").build();
        AutoModel m = (AutoModel) auto.fit(TimeSeries.of("short", 1, 1, 2, 3, 4, 5), 6);
        assertEquals("mean(naive,drift)", m.choice());
        assertEquals(null, m.accuracy());
    }

    @Test
    void invalidConfigurationIsRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> AutoForecaster.builder().build());
        assertThrows(IllegalArgumentException.class, () -> AutoForecaster.builder()
                .methods(List.of(new NaiveForecaster())).folds(0).build());
    }

    @Test
    void theHeldOutFoldOfASingleMethodIsItsForecastOfTheLastWindowFromTheHead() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 5 + 2 * t + (t % 3 == 0 ? 1 : 0);
        }
        TimeSeries s = TimeSeries.of("trend", 1, y);
        AutoForecaster.Builder drift = AutoForecaster.builder().methods(List.of(new DriftForecaster()));
        AutoModel m = (AutoModel) drift.heldOutFold(true).build().fit(s, 6);
        double[] expected = new DriftForecaster().fit(s.head(54)).forecast(6, 95).mean();
        assertArrayEquals(expected, m.heldOutFold(), 1e-9);
        AutoModel tooShort = (AutoModel) drift.build().fit(TimeSeries.of("short", 1, 1, 2, 3, 4, 5), 4);
        assertEquals(0, tooShort.heldOutFold().length, "no backtest, no fold");
        AutoModel off = (AutoModel) AutoForecaster.builder().methods(List.of(new DriftForecaster())).build().fit(s, 6);
        assertEquals(0, off.heldOutFold().length, "not asked for");
    }

    /**
     * With methods that keep no structure between fits, the held-out fold is exactly the forecast of {@code auto}
     * fitted to the head: the choice is made without the last window. On some of these series that choice differs
     * from the one made with it (so the last fold of the full backtest would be a different, optimistic judge).
     */
    @Test
    void theHeldOutFoldIsWhatAutoFittedWithoutTheLastWindowForecasts() {
        AutoForecaster.Builder b = AutoForecaster.builder()
                .methods(List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(), new DriftForecaster(),
                        ThetaForecaster.defaults()))
                .combination(Combiner.MEAN, "naive", "theta").fallbackChoice("mean(naive,theta)");
        AutoForecaster withFold = b.heldOutFold(true).build();
        AutoForecaster plain = b.heldOutFold(false).build();
        Random rnd = new Random(42);
        int differentChoice = 0;
        for (int i = 0; i < 40; i++) {
            int n = 40 + rnd.nextInt(40);
            int h = 4 + rnd.nextInt(10);
            double[] y = new double[n];
            double level = 50;
            double slope = rnd.nextGaussian();
            for (int t = 0; t < n; t++) {
                if (rnd.nextInt(15) == 0) {
                    slope = 2 * rnd.nextGaussian();
                }
                level += slope + rnd.nextGaussian() * 3;
                y[t] = level + 8 * Math.sin(2 * Math.PI * t / 4) * (i % 2);
            }
            TimeSeries s = TimeSeries.of("s" + i, 4, y);
            AutoModel full = (AutoModel) withFold.fit(s, h);
            AutoModel nested = (AutoModel) plain.fit(s.head(n - h), h);
            assertArrayEquals(nested.forecast(h, 95).mean(), full.heldOutFold(), 1e-9, s.id());
            assertEquals(full.choice(), ((AutoModel) plain.fit(s, h)).choice(), "the fold does not change the choice");
            differentChoice += full.choice().equals(nested.choice()) ? 0 : 1;
        }
        assertTrue(differentChoice >= 5, "choices that the last window changed: " + differentChoice);
        TimeSeries headTooShort = TimeSeries.of("head too short to backtest", 1, 3, 5, 4, 6, 8, 7, 9, 12, 10, 13);
        AutoModel nested = (AutoModel) plain.fit(headTooShort.head(4), 6);
        assertEquals("mean(naive,theta)", nested.choice(), "the head alone gets the fallback choice");
        assertArrayEquals(nested.forecast(6, 95).mean(), ((AutoModel) withFold.fit(headTooShort, 6)).heldOutFold(),
                1e-9);
    }
}
