package io.trendcast.testing.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.intermittent.CrostonForecaster;
import io.trendcast.core.model.intermittent.Smoothing;
import io.trendcast.core.model.intermittent.TsbForecaster;
import io.trendcast.core.model.naive.Naive2Forecaster;
import io.trendcast.core.model.theta.ThetaForecaster;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.testing.SyntheticSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants over grids of generated series ({@link SyntheticSeries}): every forecast is finite and
 * {@code lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95} at every step; intermittent-demand intervals never go below zero.
 */
class ForecastInvariantsTest {

    private static final int H = 14;

    @Test
    void thetaAndNaive2OverGrid() {
        List<TimeSeries> grid = new ArrayList<>();
        long seed = 1;
        for (int n : new int[] {3, 7, 12, 25, 60, 150}) {
            for (double slope : new double[] {-2, 0, 0.5}) {
                grid.add(SyntheticSeries.trend("t" + n + slope, n, 100, slope, 5, seed++));
                grid.add(SyntheticSeries.randomWalk("rw" + n + slope, n, 50, slope, 3, seed++));
            }
            for (int m : new int[] {4, 7, 12}) {
                for (boolean mult : new boolean[] {true, false}) {
                    grid.add(SyntheticSeries.seasonal("s" + n + m + mult, n, m, 200, 1, 0.4, mult, 4, seed++));
                }
            }
            grid.add(SyntheticSeries.constant("c" + n, n, 42));
            grid.add(SyntheticSeries.constant("z" + n, n, 0));
        }
        for (Forecaster f : List.of(ThetaForecaster.defaults(), Naive2Forecaster.defaults())) {
            for (TimeSeries y : grid) {
                check(f, y, false);
            }
        }
    }

    @Test
    void intermittentOverGrid() {
        List<Forecaster> methods = List.of(CrostonForecaster.croston(), CrostonForecaster.sba(),
                CrostonForecaster.builder().smoothing(Smoothing.optimised()).build(), TsbForecaster.defaults(),
                TsbForecaster.builder().smoothing(Smoothing.fixed(0.1, 0.05)).build());
        long seed = 100;
        List<TimeSeries> grid = new ArrayList<>();
        for (int n : new int[] {1, 2, 5, 30, 200}) {
            for (double p : new double[] {0, 0.02, 0.1, 0.4, 0.9, 1}) {
                for (double size : new double[] {1, 3, 20}) {
                    grid.add(SyntheticSeries.intermittent("i" + n + p + size, n, p, size, seed++));
                }
            }
        }
        for (Forecaster f : methods) {
            for (TimeSeries y : grid) {
                check(f, y, true);
            }
        }
    }

    private static void check(Forecaster f, TimeSeries y, boolean nonNegative) {
        Forecast fc = f.fit(y).forecast(H, 80, 95);
        String what = f.name() + " on " + y.id();
        assertEquals(H, fc.horizon(), what);
        for (int t = 0; t < H; t++) {
            double lo95 = fc.lower()[1][t];
            double lo80 = fc.lower()[0][t];
            double mean = fc.mean()[t];
            double hi80 = fc.upper()[0][t];
            double hi95 = fc.upper()[1][t];
            for (double v : new double[] {lo95, lo80, mean, hi80, hi95}) {
                assertTrue(Double.isFinite(v), what + " step " + (t + 1) + " not finite");
            }
            assertTrue(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95,
                    what + " step " + (t + 1) + " bounds out of order: " + lo95 + " " + lo80 + " " + mean + " "
                            + hi80 + " " + hi95);
            if (nonNegative) {
                assertTrue(lo95 >= 0, what + " negative lower bound");
            }
        }
    }
}
