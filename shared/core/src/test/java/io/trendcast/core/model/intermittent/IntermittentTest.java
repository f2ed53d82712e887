package io.trendcast.core.model.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntermittentTest {

    private static final TimeSeries SALES = TimeSeries.of("x", 1, 0, 0, 5, 0, 0, 0, 2, 0, 7, 0, 0, 1, 0, 3);

    @Test
    void crostonByHand() {
        // sizes 5 2 7 1 3, intervals 3 4 2 3 2, alpha 0.1 from the first values.
        double z = 5;
        double p = 3;
        double[] sizes = {2, 7, 1, 3};
        double[] gaps = {4, 2, 3, 2};
        for (int i = 0; i < 4; i++) {
            z += 0.1 * (sizes[i] - z);
            p += 0.1 * (gaps[i] - p);
        }
        Forecast c = CrostonForecaster.croston().fit(SALES).forecast(2, 80);
        Forecast s = CrostonForecaster.sba().fit(SALES).forecast(2, 80);
        assertEquals(z / p, c.mean()[0], 1e-12);
        assertEquals(0.95 * z / p, s.mean()[1], 1e-12);
    }

    @Test
    void noSalesForecastZero() {
        TimeSeries zeros = TimeSeries.of("z", 1, new double[10]);
        for (Forecaster f : List.of(CrostonForecaster.croston(), CrostonForecaster.sba(), TsbForecaster.defaults())) {
            Forecast fc = f.fit(zeros).forecast(3, 80, 95);
            assertEquals(0, fc.mean()[2], 0);
            assertEquals(0, fc.upper()[1][2], 0);
        }
    }

    @Test
    void singleSaleAndSingleValue() {
        Forecast fc = CrostonForecaster.croston().fit(TimeSeries.of("one", 1, 0, 0, 0, 6, 0)).forecast(1, 95);
        assertEquals(1.5, fc.mean()[0], 1e-12);
        assertTrue(TsbForecaster.defaults().fit(TimeSeries.of("v", 1, 4)).forecast(1, 95).mean()[0] > 0);
    }

    @Test
    void tsbByHand() {
        // Teunter et al. (2011) recursions from pi0 = 5/14 and z0 = mean size, with alpha 0.2 and beta 0.3.
        double[] x = SALES.values();
        double pi = 5.0 / 14;
        double z = (5 + 2 + 7 + 1 + 3) / 5.0;
        for (double v : x) {
            if (v > 0) {
                pi += 0.3 * (1 - pi);
                z += 0.2 * (v - z);
            } else {
                pi *= 0.7;
            }
        }
        TsbForecaster tsb = TsbForecaster.builder().smoothing(Smoothing.fixed(0.2, 0.3)).build();
        assertEquals(pi * z, tsb.fit(SALES).forecast(1, 80).mean()[0], 1e-12);
    }

    @Test
    void tsbDecaysAfterSalesStop() {
        double[] x = new double[40];
        for (int t = 0; t < 20; t += 2) {
            x[t] = 4;
        }
        TsbForecaster fixed = TsbForecaster.builder().smoothing(Smoothing.fixed(0.2, 0.2)).build();
        double withStop = fixed.fit(TimeSeries.of("stop", 1, x)).forecast(1, 80).mean()[0];
        double ongoing = fixed.fit(TimeSeries.of("go", 1, java.util.Arrays.copyOf(x, 20))).forecast(1, 80).mean()[0];
        assertTrue(withStop < 0.1 * ongoing);
    }

    @Test
    void optimisedSmoothingDoesNoWorseInSample() {
        DemandHistory h = DemandHistory.of(SALES, "tsb");
        double fixed = TsbForecaster.run(h, 0.1, 0.1)[2];
        double[] best = PairMinimiser.minimise((a, b) -> TsbForecaster.run(h, a, b)[2], Smoothing.LOWER,
                Smoothing.UPPER);
        assertTrue(TsbForecaster.run(h, best[0], best[1])[2] <= fixed);
    }

    @Test
    void distributionQuantiles() {
        DemandDistribution d = new DemandDistribution(0.5, 4, new double[] {2, 4, 6});
        assertEquals(0, d.quantile(0.5), 0);
        assertEquals(2, d.quantile(0.6), 0);
        assertEquals(6, d.quantile(0.99), 0);
    }

    @Test
    void rejectsNegativeDemand() {
        assertThrows(ModelException.class, () -> CrostonForecaster.croston().fit(TimeSeries.of("n", 1, 1, -1)));
    }
}
