package io.trendcast.testing;

import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.util.SplittableRandom;

/**
 * Generators of series with known structure, seeded so that every run sees the same numbers. Shapes cover what
 * selection must survive: constant, short, trending, strongly seasonal (additive and multiplicative),
 * intermittent, and random walks.
 */
public final class SyntheticSeries {

    private SyntheticSeries() {
    }

    /** Level plus linear trend plus Gaussian noise. */
    public static TimeSeries trend(String id, int n, double level, double slope, double noiseSd, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + noiseSd * gaussian(rnd);
        }
        return TimeSeries.of(id, 1, y);
    }

    /** Positive seasonal series: level × (1 + amplitude·sin) plus trend and noise, with the given season. */
    public static TimeSeries seasonal(String id, int n, int season, double level, double slope, double amplitude,
                                      boolean multiplicative, double noiseSd, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double base = level + slope * t;
            double s = Math.sin(2 * Math.PI * t / season) + 0.5 * Math.cos(4 * Math.PI * t / season);
            double v = multiplicative ? base * (1 + amplitude * s) : base + amplitude * level * s;
            y[t] = v + noiseSd * gaussian(rnd);
        }
        return new TimeSeries(id, Frequency.PERIOD, 1, season, y);
    }

    /** Random walk with drift. */
    public static TimeSeries randomWalk(String id, int n, double start, double drift, double sd, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        double v = start;
        for (int t = 0; t < n; t++) {
            v += drift + sd * gaussian(rnd);
            y[t] = v;
        }
        return TimeSeries.of(id, 1, y);
    }

    /** Intermittent demand: a sale occurs with probability {@code p}, sizes are 1 + Poisson(meanSize - 1). */
    public static TimeSeries intermittent(String id, int n, double p, double meanSize, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            if (rnd.nextDouble() < p) {
                y[t] = 1 + poisson(rnd, meanSize - 1);
            }
        }
        return TimeSeries.of(id, 1, y);
    }

    /** A constant series. */
    public static TimeSeries constant(String id, int n, double value) {
        double[] y = new double[n];
        java.util.Arrays.fill(y, value);
        return TimeSeries.of(id, 1, y);
    }

    /** Standard normal draw (Box–Muller). */
    public static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int poisson(SplittableRandom rnd, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        double l = Math.exp(-lambda);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
