package io.trendcast.core.model.naive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

/**
 * Reference values from R 4.2, forecast 8.20 ({@code snaive(USAccDeaths, h=14)}, {@code naive(WWWusage, h=3)},
 * {@code rwf(WWWusage, h=3, drift=TRUE)}, all with {@code level=c(80,95)}, printed with 15 digits). Tolerance
 * 1e-9 relative: the computations are closed-form.
 */
class RandomWalkForecastersTest {

    static final double[] US_ACC_DEATHS = {9007, 8106, 8928, 9137, 10017, 10826, 11317, 10744, 9713, 9938, 9161,
        8927, 7750, 6981, 8038, 8422, 8714, 9512, 10120, 9823, 8743, 9129, 8710, 8680, 8162, 7306, 8124, 7870, 9387,
        9556, 10093, 9620, 8285, 8466, 8160, 8034, 7717, 7461, 7767, 7925, 8623, 8945, 10078, 9179, 8037, 8488, 7874,
        8647, 7792, 6957, 7726, 8106, 8890, 9299, 10625, 9302, 8314, 8850, 8265, 8796, 7836, 6892, 7791, 8192, 9115,
        9434, 10484, 9827, 9110, 9070, 8633, 9240};
    static final double[] WWW_USAGE = {88, 84, 85, 85, 84, 85, 83, 85, 88, 89, 91, 99, 104, 112, 126, 138, 146, 151,
        150, 148, 147, 149, 143, 132, 131, 139, 147, 150, 148, 145, 140, 134, 131, 131, 129, 126, 126, 132, 137, 140,
        142, 150, 159, 167, 170, 171, 172, 172, 174, 175, 172, 172, 174, 174, 169, 165, 156, 142, 131, 121, 112, 104,
        102, 99, 99, 95, 88, 84, 84, 87, 89, 88, 85, 86, 89, 91, 91, 94, 101, 110, 121, 135, 145, 149, 156, 165, 171,
        175, 177, 182, 193, 204, 208, 210, 215, 222, 228, 226, 222, 220};

    private static void near(double expected, double actual) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected));
    }

    @Test
    void seasonalNaiveMatchesR() {
        Forecast f = new SeasonalNaiveForecaster().fit(TimeSeries.of("us", 12, US_ACC_DEATHS)).forecast(14, 80, 95);
        near(7836, f.mean()[0]);
        near(7119.09319290333, f.lower()[0][0]);
        near(8932.41434645196, f.upper()[1][0]);
        near(6822.14067044630, f.lower()[0][12]);
        near(6892, f.mean()[13]);
        near(8442.56403873280, f.upper()[1][13]);
    }

    @Test
    void naiveMatchesR() {
        Forecast f = new NaiveForecaster().fit(TimeSeries.of("w", 1, WWW_USAGE)).forecast(3, 80, 95);
        near(220, f.mean()[2]);
        near(212.567402671001, f.lower()[0][0]);
        near(200.311472443046, f.lower()[1][2]);
        near(239.688527556954, f.upper()[1][2]);
    }

    @Test
    void driftMatchesR() {
        Forecast f = new DriftForecaster().fit(TimeSeries.of("w", 1, WWW_USAGE)).forecast(3, 80, 95);
        near(221.333333333333, f.mean()[0]);
        near(224, f.mean()[2]);
        near(214.026380653432, f.lower()[0][0]);
        near(210.158313557005, f.lower()[1][0]);
        near(211.218053127675, f.lower()[0][2]);
        near(243.548300821915, f.upper()[1][2]);
    }
}
