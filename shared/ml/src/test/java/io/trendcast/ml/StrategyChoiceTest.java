package io.trendcast.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link GlobalConfig.Strategy#AUTO}: both strategies are fitted on the calibration backtest and the one with the
 * lower scaled error serves, exactly as if it had been configured.
 */
class StrategyChoiceTest {

    private static final int H = 20;
    private static final int N = 120;

    /** Series driven by their last value plus a shock: step {@code t+1} is {@code next(y_t)} (times the level). */
    private static List<SeriesInput> driven(int nSeries, long seed, double noise, DoubleUnaryOperator next) {
        Random r = new Random(seed);
        List<SeriesInput> out = new ArrayList<>();
        for (int s = 0; s < nSeries; s++) {
            double level = 50 + r.nextInt(100);
            double x = 0.2 + 0.6 * r.nextDouble();
            double[] y = new double[N];
            for (int t = 0; t < N; t++) {
                x = Math.min(1, Math.max(0, next.applyAsDouble(x) + noise * r.nextGaussian()));
                y[t] = level * (0.5 + x);
            }
            out.add(SeriesInput.of(new TimeSeries("s" + s, Frequency.WEEKLY, GlobalModelTest.START, 52, y)));
        }
        return out;
    }

    /** A persistent process (AR(1), coefficient 0.95): the last value says most about the next few. */
    private static List<SeriesInput> persistent() {
        return driven(24, 11, 0.04, x -> 0.5 + 0.95 * (x - 0.5));
    }

    /**
     * The chaotic logistic map (r = 3.9): one step ahead is nearly exact, but recursive passes amplify any error
     * into a wrong trajectory, while a forecast from lags at least the horizon back is the process's mean.
     */
    private static List<SeriesInput> chaotic() {
        return driven(24, 12, 0.02, x -> 3.9 * x * (1 - x));
    }

    private static GlobalModel fit(List<SeriesInput> in, GlobalConfig.Strategy strategy) {
        return new TribuoGlobalForecaster(GlobalModelTest.small().withStrategy(strategy)).fit(in, H);
    }

    /** The backtest error summed over series and steps, each in units of its series' panel scale. */
    private static double backtestError(List<SeriesInput> in, GlobalModel m) {
        List<SeriesInput> heads = new ArrayList<>();
        for (SeriesInput s : in) {
            heads.add(s.withSeries(s.series().head(N - H)));
        }
        double[] scales = Panel.of(heads, GlobalModelTest.small(), H).scales;
        double total = 0;
        for (int s = 0; s < in.size(); s++) {
            double[] y = in.get(s).series().values();
            double[] b = m.backtest().get(in.get(s).series().id());
            for (int k = 0; k < H; k++) {
                total += Math.abs(y[N - H + k] - b[k]) / scales[s];
            }
        }
        return total;
    }

    private static GlobalConfig.Strategy assertAutoServesTheBetterBacktest(List<SeriesInput> in) {
        GlobalModel recursive = fit(in, GlobalConfig.Strategy.RECURSIVE);
        GlobalModel direct = fit(in, GlobalConfig.Strategy.DIRECT);
        GlobalModel auto = fit(in, GlobalConfig.Strategy.AUTO);
        boolean directWins = backtestError(in, direct) < backtestError(in, recursive);
        GlobalModel expected = directWins ? direct : recursive;
        assertEquals(expected.description(), auto.description());
        Map<String, Forecast> want = expected.forecastAll(80, 95);
        Map<String, Forecast> got = auto.forecastAll(80, 95);
        for (SeriesInput s : in) {
            String id = s.series().id();
            assertArrayEquals(want.get(id).mean(), got.get(id).mean(), 0.0, id);
            assertArrayEquals(want.get(id).upper()[1], got.get(id).upper()[1], 0.0, id);
            assertArrayEquals(expected.backtest().get(id), auto.backtest().get(id), 0.0, id);
        }
        return directWins ? GlobalConfig.Strategy.DIRECT : GlobalConfig.Strategy.RECURSIVE;
    }

    @Test
    void persistentSeriesKeepTheRecursiveStrategy() {
        assertEquals(GlobalConfig.Strategy.RECURSIVE, assertAutoServesTheBetterBacktest(persistent()));
    }

    @Test
    void chaoticSeriesGetTheDirectStrategy() {
        assertEquals(GlobalConfig.Strategy.DIRECT, assertAutoServesTheBetterBacktest(chaotic()));
    }

    @Test
    void withoutCalibrationAutoIsRecursive() {
        List<SeriesInput> in = chaotic();
        GlobalConfig off = GlobalModelTest.small().withStrategy(GlobalConfig.Strategy.AUTO).withCalibrate(false);
        GlobalModel m = new TribuoGlobalForecaster(off).fit(in, H);
        assertTrue(m.description().contains("recursive"), m.description());
        assertTrue(m.backtest().isEmpty());
    }

    @Test
    void aPanelNeedsAResolvedStrategy() {
        GlobalConfig auto = GlobalModelTest.small().withStrategy(GlobalConfig.Strategy.AUTO);
        assertThrows(IllegalArgumentException.class, () -> Panel.of(persistent(), auto, H));
    }
}
