package io.trendcast.core.anomaly;

import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;

import java.time.LocalDate;
import java.util.Random;

/**
 * A daily series with known injected events, for the acceptance tests of anomalies and trends: 400 days from
 * {@link #START}, level 100 with a weekly pattern (±10) and normal noise (sd 5, seed 7); a level shift of +40 on
 * day {@link #SHIFT}; spikes of +150 on days {@link #SPIKE_1} and {@link #SPIKE_2}; zero sales (a stock-out) on days
 * {@link #STOCKOUT_FROM} to {@link #STOCKOUT_TO}; and from day {@link #TREND} a rising trend of +0.6 a day.
 */
public final class InjectedSeries {

    public static final LocalDate START = LocalDate.of(2024, 1, 1);
    public static final int LENGTH = 400;
    public static final int SPIKE_1 = 60;
    public static final int SHIFT = 120;
    public static final int STOCKOUT_FROM = 200;
    public static final int STOCKOUT_TO = 206;
    public static final int TREND = 260;
    public static final int SPIKE_2 = 310;
    public static final double SLOPE = 0.6;

    private InjectedSeries() {
    }

    public static TimeSeries series() {
        Random random = new Random(7);
        double[] pattern = {0, -4, -6, -2, 3, 10, -1};
        double[] y = new double[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            double level = 100 + (t >= SHIFT ? 40 : 0) + (t >= TREND ? SLOPE * (t - TREND + 1) : 0);
            y[t] = Math.round(level + pattern[t % 7] + 5 * random.nextGaussian());
        }
        y[SPIKE_1] += 150;
        y[SPIKE_2] += 150;
        for (int t = STOCKOUT_FROM; t <= STOCKOUT_TO; t++) {
            y[t] = 0;
        }
        return new TimeSeries("injected", Frequency.DAILY, START.toEpochDay(), 7, y);
    }

    public static LocalDate day(int t) {
        return START.plusDays(t);
    }
}
