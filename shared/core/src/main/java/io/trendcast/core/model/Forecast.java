package io.trendcast.core.model;

import io.trendcast.core.stat.Normal;
import java.util.Arrays;
import java.util.Objects;

/**
 * Point forecasts and prediction intervals for steps 1..h.
 *
 * @param model  description of the model that produced it
 * @param mean   point forecast per step
 * @param levels interval coverage in percent, ascending
 * @param lower  {@code lower[k][t]}: lower bound of the {@code levels[k]} interval at step {@code t + 1}
 * @param upper  {@code upper[k][t]}: upper bound
 */
public record Forecast(String model, double[] mean, double[] levels, double[][] lower, double[][] upper) {

    public Forecast {
        Objects.requireNonNull(model, "model");
        if (levels.length != lower.length || levels.length != upper.length) {
            throw new IllegalArgumentException("one lower and one upper bound array per level");
        }
        for (int k = 0; k < levels.length; k++) {
            if (lower[k].length != mean.length || upper[k].length != mean.length) {
                throw new IllegalArgumentException("bounds must have the horizon's length");
            }
            if (k > 0 && levels[k] <= levels[k - 1]) {
                throw new IllegalArgumentException("levels must be strictly ascending: " + Arrays.toString(levels));
            }
        }
    }

    /** Forecast horizon. */
    public int horizon() {
        return mean.length;
    }

    /** Index of {@code level} in {@link #levels()}, or -1. */
    public int levelIndex(double level) {
        for (int k = 0; k < levels.length; k++) {
            if (Math.abs(levels[k] - level) < 1e-9) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Intervals from a normal predictive distribution: {@code mean ± z * sd} per step.
     *
     * @param sd standard deviation of the forecast error per step
     */
    public static Forecast normal(String model, double[] mean, double[] sd, double... levels) {
        double[] lv = checkLevels(levels);
        double[][] lo = new double[lv.length][mean.length];
        double[][] hi = new double[lv.length][mean.length];
        for (int k = 0; k < lv.length; k++) {
            double z = Normal.quantile(0.5 + lv[k] / 200.0);
            for (int t = 0; t < mean.length; t++) {
                lo[k][t] = mean[t] - z * sd[t];
                hi[k][t] = mean[t] + z * sd[t];
            }
        }
        return new Forecast(model, mean.clone(), lv, lo, hi);
    }

    /** Sorted copy of the levels, each checked to lie strictly between 0 and 100. */
    public static double[] checkLevels(double... levels) {
        double[] lv = levels.clone();
        Arrays.sort(lv);
        for (int k = 0; k < lv.length; k++) {
            if (!(lv[k] > 0 && lv[k] < 100)) {
                throw new IllegalArgumentException("interval level must be in (0, 100), was " + lv[k]);
            }
            if (k > 0 && lv[k] == lv[k - 1]) {
                throw new IllegalArgumentException("duplicate interval level " + lv[k]);
            }
        }
        return lv;
    }

    /** A copy with another model description. */
    public Forecast withModel(String newModel) {
        return new Forecast(newModel, mean, levels, lower, upper);
    }
}
