package io.trendcast.core.model.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

class ThetaForecasterTest {

    @Test
    void linearSeriesContinuesWithHalfTheSlope() {
        double[] x = new double[30];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 + 2 * t;
        }
        Forecast fc = ThetaForecaster.defaults().fit(TimeSeries.of("lin", 1, x)).forecast(3, 80, 95);
        assertEquals(1.0, fc.mean()[1] - fc.mean()[0], 1e-6);
        assertTrue(fc.mean()[0] > x[x.length - 1]);
    }

    @Test
    void seasonalSeriesKeepsItsPattern() {
        double[] x = new double[60];
        double[] pattern = {0.7, 1.0, 1.5, 0.8};
        for (int t = 0; t < x.length; t++) {
            x[t] = 100 * pattern[t % 4];
        }
        x[5] += 1;
        Forecast fc = ThetaForecaster.defaults().fit(TimeSeries.of("s", 4, x)).forecast(4, 95);
        assertEquals(70, fc.mean()[0], 1);
        assertEquals(150, fc.mean()[2], 2);
    }

    @Test
    void closedDayKeepsZeroForecastAsInR() {
        double[] x = new double[70];
        for (int t = 0; t < x.length; t++) {
            x[t] = t % 7 == 6 ? 0 : 20 + (t % 7) + 0.05 * t;
        }
        Forecast fc = ThetaForecaster.defaults().fit(TimeSeries.of("closed", 7, x)).forecast(7, 80);
        assertEquals(0, fc.mean()[6], 1e-9);
        assertTrue(fc.mean()[0] > 15);
    }

    @Test
    void constantSeriesForecastsTheConstant() {
        double[] x = new double[20];
        java.util.Arrays.fill(x, 5);
        Forecast fc = ThetaForecaster.defaults().fit(TimeSeries.of("c", 12, x)).forecast(2, 80);
        assertEquals(5, fc.mean()[0], 1e-9);
        assertEquals(5, fc.upper()[0][1], 1e-9);
    }

    @Test
    void rejectsMissingAndTooShort() {
        assertThrows(ModelException.class,
                () -> ThetaForecaster.defaults().fit(TimeSeries.of("n", 1, 1, Double.NaN, 3)));
        assertThrows(ModelException.class, () -> ThetaForecaster.defaults().fit(TimeSeries.of("s", 1, 1)));
    }

    @Test
    void slopeIsLeastSquares() {
        assertEquals(2, ThetaForecaster.slope(new double[] {1, 3, 5, 7}), 1e-12);
    }
}
