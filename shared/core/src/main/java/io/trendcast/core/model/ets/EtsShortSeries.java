package io.trendcast.core.model.ets;

import io.trendcast.core.model.ModelException;
import io.trendcast.core.optim.NelderMead;

/**
 * Fits for series too short for the state space estimation, R's {@code HoltWintersZZ()} as {@code ets()} uses it
 * when {@code n ≤ npars + 4}, and its {@code ses(y, alpha = 0.99999, initial = "simple")} for constant series.
 *
 * <p>Holt's linear method and simple exponential smoothing start from the first observation (and the first
 * difference for the trend), and their smoothing parameters minimise the in-sample sum of squared one-step errors
 * within [0, 1]. R uses L-BFGS-B for that; here Nelder–Mead searches the same box, which reaches the same
 * optimum up to the optimiser's tolerance on these one- or two-parameter problems. As in R, the trend parameter
 * is Holt's β* (smoothing of level changes) and σ² is the mean squared error.
 */
final class EtsShortSeries {

    private static final NelderMead OPTIMIZER = NelderMead.withMaxEvaluations(500);

    private EtsShortSeries() {
    }

    /**
     * R's fallback for short series: Holt's linear trend method and simple exponential smoothing, keeping the one
     * with the smaller σ².
     *
     * @param m seasonal period of the series (sets R's starting α = 0.2 / m)
     */
    static EtsModel fit(double[] y, int m) {
        if (y.length < 2) {
            return holt(y, m, false, Double.NaN);
        }
        EtsModel trend = null;
        try {
            trend = holt(y, m, true, Double.NaN);
        } catch (ModelException e) {
            // R: a failing trend fit leaves simple exponential smoothing
        }
        EtsModel level = holt(y, m, false, Double.NaN);
        return trend != null && trend.sigma2() < level.sigma2() ? trend : level;
    }

    /**
     * R's {@code ses(y, alpha = 0.99999, initial = "simple")}: the model {@code ets()} returns for a constant
     * series.
     */
    static EtsModel constant(double[] y) {
        return holt(y, 1, false, 0.99999);
    }

    private static EtsModel holt(double[] y, int m, boolean trend, double fixedAlpha) {
        int n = y.length;
        double l0 = y[0];
        double b0 = trend ? y[1] - y[0] : 0;
        double alpha;
        double beta = 0;
        if (!Double.isNaN(fixedAlpha)) {
            alpha = fixedAlpha;
        } else {
            double a0 = 0.2 / m;
            double[] start = trend ? new double[] {a0, 0.1 * a0} : new double[] {a0};
            NelderMead.Result r = OPTIMIZER.minimize(p -> {
                for (double v : p) {
                    if (v < 0 || v > 1) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
                return sse(y, p[0], trend ? p[1] : 0, trend, l0, b0, null);
            }, start);
            alpha = r.x()[0];
            beta = trend ? r.x()[1] : 0;
        }
        double[] last = new double[2];
        double sse = sse(y, alpha, beta, trend, l0, b0, last);
        if (!Double.isFinite(sse)) {
            throw new ModelException("Holt's method cannot be fitted");
        }
        EtsSpec spec = new EtsSpec(EtsComponent.ADDITIVE, trend ? EtsComponent.ADDITIVE : EtsComponent.NONE,
                EtsComponent.NONE, false);
        EtsParameters par = new EtsParameters(alpha, trend ? beta : Double.NaN, Double.NaN, Double.NaN);
        double[] init = trend ? new double[] {l0, b0} : new double[] {l0};
        double[] fin = trend ? new double[] {last[0], last[1]} : new double[] {last[0]};
        return new EtsModel(spec, m, par, init, fin, sse / n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
    }

    /** R's {@code zzhw}: the sum of squared one-step errors; the final level and trend go to {@code last}. */
    private static double sse(double[] y, double alpha, double beta, boolean trend, double l0, double b0,
                              double[] last) {
        double level = l0;
        double slope = trend ? b0 : 0;
        double sse = 0;
        for (double v : y) {
            double xhat = level + slope;
            double res = v - xhat;
            sse += res * res;
            double newLevel = alpha * v + (1 - alpha) * (level + slope);
            if (trend) {
                slope = beta * (newLevel - level) + (1 - beta) * slope;
            }
            level = newLevel;
        }
        if (last != null) {
            last[0] = level;
            last[1] = slope;
        }
        return sse;
    }
}
