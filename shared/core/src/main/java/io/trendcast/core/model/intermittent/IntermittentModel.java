package io.trendcast.core.model.intermittent;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import java.util.Arrays;

/** A fitted intermittent-demand model: a flat point forecast and a per-period demand distribution. */
final class IntermittentModel implements FittedModel {

    private final String description;
    private final double mean;
    private final DemandDistribution distribution;

    IntermittentModel(String description, double mean, DemandDistribution distribution) {
        this.description = description;
        this.mean = mean;
        this.distribution = distribution;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        double[] lv = Forecast.checkLevels(levels);
        double[] means = new double[horizon];
        Arrays.fill(means, mean);
        double[][] lo = new double[lv.length][horizon];
        double[][] hi = new double[lv.length][horizon];
        for (int k = 0; k < lv.length; k++) {
            double tail = (100 - lv[k]) / 200;
            Arrays.fill(lo[k], Math.min(mean, distribution.quantile(tail)));
            Arrays.fill(hi[k], Math.max(mean, distribution.quantile(1 - tail)));
        }
        return new Forecast(description, means, lv, lo, hi);
    }
}
