package io.trendcast.core.model.naive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

class Naive2ForecasterTest {

    @Test
    void nonSeasonalIsRandomWalk() {
        Forecast fc = Naive2Forecaster.defaults().fit(TimeSeries.of("rw", 1, 1, 2, 4, 3)).forecast(4, 95);
        // sigma^2 = mean(1, 4, 1) = 2
        assertEquals(3, fc.mean()[3], 0);
        assertEquals(3 + 1.959963984540054 * Math.sqrt(2 * 4), fc.upper()[0][3], 1e-9);
    }

    @Test
    void seasonalSeriesIsReseasonalised() {
        double[] pattern = {0.5, 1.0, 1.5, 1.0};
        double[] x = new double[40];
        for (int t = 0; t < x.length; t++) {
            x[t] = 100 * pattern[t % 4] * (1 + 0.001 * (t % 3));
        }
        Forecast fc = Naive2Forecaster.defaults().fit(TimeSeries.of("s", 4, x)).forecast(4, 80);
        assertEquals(50, fc.mean()[0], 1);
        assertEquals(150, fc.mean()[2], 1);
    }
}
