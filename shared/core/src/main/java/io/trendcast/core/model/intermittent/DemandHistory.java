package io.trendcast.core.model.intermittent;

import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;

/**
 * A non-negative demand series split the way Croston (1972) reads it: the non-zero demand sizes and the number of
 * periods since the previous demand (the first interval counts from the start of the series, as R
 * {@code croston} does).
 *
 * @param values    the whole series
 * @param sizes     the non-zero demands, in order
 * @param intervals periods between consecutive demands, one per size
 */
record DemandHistory(double[] values, double[] sizes, double[] intervals) {

    /**
     * @throws ModelException when the series is empty or holds a negative or non-finite value
     */
    static DemandHistory of(TimeSeries series, String method) {
        double[] x = series.values();
        if (x.length == 0) {
            throw new ModelException(method + " needs at least one observation, series " + series.id() + " is empty");
        }
        int count = 0;
        for (double v : x) {
            if (!Double.isFinite(v) || v < 0) {
                throw new ModelException(method + " needs finite, non-negative demand; series " + series.id()
                        + " holds " + v);
            }
            if (v > 0) {
                count++;
            }
        }
        double[] sizes = new double[count];
        double[] intervals = new double[count];
        int k = 0;
        int last = -1;
        for (int t = 0; t < x.length; t++) {
            if (x[t] > 0) {
                sizes[k] = x[t];
                intervals[k] = t - last;
                last = t;
                k++;
            }
        }
        return new DemandHistory(x, sizes, intervals);
    }

    /** Number of non-zero demands. */
    int demands() {
        return sizes.length;
    }
}
