package io.trendcast.core.select;

import io.trendcast.core.model.Forecast;
import java.util.Arrays;
import java.util.List;

/**
 * How member forecasts become one: the mean or the median, taken step by step of the point forecasts and of each
 * interval bound (the "combine the quantiles" rule; Lichtendahl et al. 2013 show it is better calibrated than
 * averaging probabilities for point-and-interval use).
 */
public enum Combiner {
    MEAN,
    MEDIAN;

    /** Combines forecasts of equal horizon and levels. */
    public Forecast combine(String model, List<Forecast> members) {
        Forecast first = members.get(0);
        int h = first.horizon();
        int nl = first.levels().length;
        double[] mean = new double[h];
        double[][] lo = new double[nl][h];
        double[][] hi = new double[nl][h];
        double[] buf = new double[members.size()];
        for (int t = 0; t < h; t++) {
            mean[t] = reduce(members, buf, t, -1, 0);
            for (int k = 0; k < nl; k++) {
                lo[k][t] = reduce(members, buf, t, k, -1);
                hi[k][t] = reduce(members, buf, t, k, 1);
            }
        }
        return new Forecast(model, mean, first.levels().clone(), lo, hi);
    }

    private double reduce(List<Forecast> members, double[] buf, int t, int k, int side) {
        for (int i = 0; i < buf.length; i++) {
            Forecast f = members.get(i);
            buf[i] = side == 0 ? f.mean()[t] : side < 0 ? f.lower()[k][t] : f.upper()[k][t];
        }
        if (this == MEAN) {
            double s = 0;
            for (double v : buf) {
                s += v;
            }
            return s / buf.length;
        }
        Arrays.sort(buf);
        int n = buf.length;
        return n % 2 == 1 ? buf[n / 2] : 0.5 * (buf[n / 2 - 1] + buf[n / 2]);
    }
}
