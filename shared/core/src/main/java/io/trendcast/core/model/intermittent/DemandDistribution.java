package io.trendcast.core.model.intermittent;

import java.util.Arrays;

/**
 * The per-period predictive distribution used for intermittent-demand intervals: a sale occurs with probability
 * {@code p}; its size is drawn from the observed non-zero demands, rescaled so that their mean equals the smoothed
 * size. Croston's method has no consistent underlying stochastic model (Shenstone &amp; Hyndman 2005), so Gaussian
 * intervals from its point forecast would be wrong in shape and often negative; this zero-inflated bootstrap
 * distribution keeps the mass at zero, never goes below zero and keeps the observed granularity of sizes. Its
 * quantiles are exact (no simulation). Periods are treated as independent, so intervals do not widen with the
 * horizon; an interval is widened where needed to contain the point forecast, which can lie above the upper
 * quantile when sales are rare.
 */
final class DemandDistribution {

    private final double probability;
    private final double[] sizes;

    /**
     * @param probability chance of a sale in a period, in [0, 1]
     * @param smoothedSize the mean size the distribution should have
     * @param observedSizes the non-zero demands observed (may be empty when {@code probability} is 0)
     */
    DemandDistribution(double probability, double smoothedSize, double[] observedSizes) {
        this.probability = Math.max(0, Math.min(1, probability));
        double[] s = observedSizes.clone();
        Arrays.sort(s);
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean = s.length > 0 ? mean / s.length : 0;
        double scale = mean > 0 ? smoothedSize / mean : 0;
        for (int i = 0; i < s.length; i++) {
            s[i] *= scale;
        }
        this.sizes = s;
    }

    /** The {@code q}-quantile of demand in one period (inverse of the distribution function). */
    double quantile(double q) {
        double zeroMass = 1 - probability;
        if (sizes.length == 0 || q <= zeroMass) {
            return 0;
        }
        double within = (q - zeroMass) / probability;
        int k = (int) Math.ceil(within * sizes.length) - 1;
        return sizes[Math.max(0, Math.min(sizes.length - 1, k))];
    }
}
