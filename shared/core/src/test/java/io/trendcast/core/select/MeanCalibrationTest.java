package io.trendcast.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanCalibrationTest {

    private static final int H = 20;

    /** A forecast of level 100 with normal intervals of standard deviation {@code sd} at 80% and 95%. */
    private static Forecast normal(double sd) {
        double[] mean = new double[H];
        double[] sds = new double[H];
        Arrays.fill(mean, 100);
        Arrays.fill(sds, sd);
        return Forecast.normal("m", mean, sds, 80, 95);
    }

    /**
     * Series whose two members are calibrated (errors N(0, sd²) against normal intervals of that sd), with
     * correlation {@code rho} between their errors.
     */
    private static List<MeanCalibration.Sample> samples(int series, double sdA, double sdB, double rho, long seed) {
        Random r = new Random(seed);
        List<MeanCalibration.Sample> out = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double[] actual = new double[H];
            double[] a = new double[H];
            double[] b = new double[H];
            for (int t = 0; t < H; t++) {
                double z1 = r.nextGaussian();
                double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * r.nextGaussian();
                actual[t] = 100;
                a[t] = 100 - sdA * z1;
                b[t] = 100 - sdB * z2;
            }
            out.add(new MeanCalibration.Sample(actual, List.of(normal(sdA), normal(sdB)), List.of(a, b)));
        }
        return out;
    }

    @Test
    void independentErrorsOfEqualSizeNarrowTheMeanByTheSquareRootOfTwo() {
        double[] f = MeanCalibration.factors(samples(200, 1, 1, 0, 1));
        assertEquals(2, f.length);
        assertEquals(1 / Math.sqrt(2), f[0], 0.04);
        assertEquals(1 / Math.sqrt(2), f[1], 0.05);
    }

    @Test
    void correlatedErrorsNarrowItLessAsTheVarianceOfAMeanSays() {
        // sd of the mean of two unit-sd errors with correlation rho: sqrt((1 + rho) / 2)
        double[] f = MeanCalibration.factors(samples(200, 1, 1, 0.8, 2));
        assertEquals(Math.sqrt(0.9), f[0], 0.04);
        assertEquals(Math.sqrt(0.9), f[1], 0.05);
    }

    @Test
    void identicalMembersKeepTheirIntervals() {
        List<MeanCalibration.Sample> same = new ArrayList<>();
        for (MeanCalibration.Sample s : samples(50, 1, 1, 0, 3)) {
            same.add(new MeanCalibration.Sample(s.actual(), s.forecasts(),
                    List.of(s.backtests().get(0), s.backtests().get(0))));
        }
        assertArrayEquals(new double[] {1, 1}, MeanCalibration.factors(same), 1e-12);
    }

    @Test
    void theCalibratedMeanCoversItsNominalShareOfFreshErrors() {
        double[] f = MeanCalibration.factors(samples(1000, 1, 3, 0.3, 4));
        // fresh draws from the same members: the mean's interval after the factor covers about 80% and 95%
        int[] inside = new int[2];
        int n = 0;
        for (MeanCalibration.Sample s : samples(1000, 1, 3, 0.3, 5)) {
            Forecast mean = IntervalCalibrator.apply(Combiner.MEAN.combine("mean", s.forecasts()), f);
            for (int t = 0; t < H; t++) {
                double y = s.actual()[t] - (s.backtests().get(0)[t] + s.backtests().get(1)[t]) / 2 + 100;
                for (int k = 0; k < 2; k++) {
                    inside[k] += mean.lower()[k][t] <= y && y <= mean.upper()[k][t] ? 1 : 0;
                }
                n++;
            }
        }
        assertEquals(0.80, inside[0] / (double) n, 0.015);
        assertEquals(0.95, inside[1] / (double) n, 0.01);
        // and uncalibrated averaged bounds would have covered clearly more
        assertTrue(f[0] < 0.9 && f[1] < 0.9, Arrays.toString(f));
    }

    @Test
    void aMemberWithoutIntervalsLeavesTheMeansIntervalsAsAveraged() {
        List<MeanCalibration.Sample> pointOnly = new ArrayList<>();
        for (MeanCalibration.Sample s : samples(200, 1, 1, 0, 7)) {
            pointOnly.add(new MeanCalibration.Sample(s.actual(), List.of(s.forecasts().get(0), normal(0)),
                    s.backtests()));
        }
        assertArrayEquals(new double[] {1, 1}, MeanCalibration.factors(pointOnly), 1e-12);
    }

    @Test
    void tooFewBacktestPointsLeaveTheIntervalsAsTheyAre() {
        assertArrayEquals(new double[] {1, 1}, MeanCalibration.factors(samples(2, 1, 1, 0, 6)), 1e-12);
        assertEquals(0, MeanCalibration.factors(List.of()).length);
    }
}
