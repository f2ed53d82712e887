package io.trendcast.deep;

import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted DeepAR model: the trained parameters, the sample paths of every series (drawn once, when fitted or
 * loaded) and the backtest. The point forecast is the median of the paths (what absolute-error measures such as WAPE
 * and MASE reward); a level's interval runs between the paths' {@code (1 - level) / 2} and {@code (1 + level) / 2}
 * quantiles, their half-widths scaled by the conformal factor of the backtest ({@link IntervalScale}). Immutable.
 */
public final class DeepArModel implements GlobalModel {

    private final DeepArConfig config;
    private final int horizon;
    private final Panel panel;
    private final List<byte[]> parameters;
    private final float[][][] samples;
    private final Map<String, double[]> backtest;
    private final Provenance provenance;
    private final IntervalScale intervals;

    DeepArModel(DeepArConfig config, int horizon, Panel panel, List<byte[]> parameters, float[][][] samples,
                Map<String, double[]> backtest, IntervalScale intervals, Provenance provenance) {
        this.config = config;
        this.horizon = horizon;
        this.panel = panel;
        this.parameters = parameters.stream().map(byte[]::clone).toList();
        this.samples = samples;
        this.backtest = Map.copyOf(backtest);
        this.provenance = provenance;
        this.intervals = intervals;
    }

    @Override
    public String description() {
        return "deepar(" + (config.members() > 1 ? config.members() + " × " : "") + config.layers() + "x"
                + config.hiddenSize() + " lstm, student-t, " + provenance.epochs() + " epochs)";
    }

    public DeepArConfig config() {
        return config;
    }

    public int horizon() {
        return horizon;
    }

    /** What was trained on what, how long it took and the losses per epoch. */
    public Provenance provenance() {
        return provenance;
    }

    /** Ids of the fitted series, in fit order. */
    public List<String> seriesIds() {
        return panel.inputs.stream().map(in -> in.series().id()).toList();
    }

    /** The saved parameters of each member network. */
    List<byte[]> parameters() {
        return parameters.stream().map(byte[]::clone).toList();
    }

    Panel panel() {
        return panel;
    }

    /** The sorted sample values of one series: {@code [step][path]} (package-private: tests). */
    float[][] samplesOf(String seriesId) {
        int s = seriesIds().indexOf(seriesId);
        if (s < 0) {
            throw new IllegalArgumentException("no series '" + seriesId + "'");
        }
        return samples[s];
    }

    /** The conformal scaling of the intervals (from the backtest; identity without one). */
    IntervalScale intervals() {
        return intervals;
    }

    @Override
    public Map<String, Forecast> forecastAll(double... levels) {
        double[] lv = Forecast.checkLevels(levels);
        double[] factor = new double[lv.length];
        for (int l = 0; l < lv.length; l++) {
            factor[l] = intervals.factor(lv[l]);
        }
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (int s = 0; s < samples.length; s++) {
            double[] point = new double[horizon];
            double[][] lo = new double[lv.length][horizon];
            double[][] hi = new double[lv.length][horizon];
            double floor = panel.nonNegative[s] ? 0 : Double.NEGATIVE_INFINITY;
            for (int k = 0; k < horizon; k++) {
                float[] sorted = samples[s][k];
                point[k] = quantile(sorted, 0.5);
                for (int l = 0; l < lv.length; l++) {
                    double a = (1 - lv[l] / 100.0) / 2;
                    double down = point[k] - Math.min(point[k], quantile(sorted, a));
                    double up = Math.max(point[k], quantile(sorted, 1 - a)) - point[k];
                    lo[l][k] = Math.max(floor, point[k] - factor[l] * down);
                    hi[l][k] = point[k] + factor[l] * up;
                    if (l > 0) {
                        lo[l][k] = Math.min(lo[l][k], lo[l - 1][k]);
                        hi[l][k] = Math.max(hi[l][k], hi[l - 1][k]);
                    }
                }
            }
            out.put(panel.id(s), new Forecast(description(), point, lv, lo, hi));
        }
        return out;
    }

    /**
     * The {@code p} quantile of the forecast distribution of every step of one series.
     *
     * @throws IllegalArgumentException when the series was not fitted or {@code p} is outside (0, 1)
     */
    public double[] quantile(String seriesId, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1): " + p);
        }
        int s = seriesIds().indexOf(seriesId);
        if (s < 0) {
            throw new IllegalArgumentException("series '" + seriesId + "' was not part of the deepar fit");
        }
        double[] q = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            q[k] = quantile(samples[s][k], p);
        }
        return q;
    }

    @Override
    public Map<String, double[]> backtest() {
        return backtest;
    }

    @Override
    public Map<String, Double> importance(String seriesId) {
        return Map.of();
    }

    /** Type-7 quantile (R's default) of sorted values. */
    static double quantile(float[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
