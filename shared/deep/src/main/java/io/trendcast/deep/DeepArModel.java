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
 * quantiles. Immutable.
 */
public final class DeepArModel implements GlobalModel {

    private final DeepArConfig config;
    private final int horizon;
    private final Panel panel;
    private final List<byte[]> parameters;
    private final float[][][] samples;
    private final Map<String, double[]> backtest;
    private final Provenance provenance;

    DeepArModel(DeepArConfig config, int horizon, Panel panel, List<byte[]> parameters, float[][][] samples,
                Map<String, double[]> backtest, Provenance provenance) {
        this.config = config;
        this.horizon = horizon;
        this.panel = panel;
        this.parameters = parameters.stream().map(byte[]::clone).toList();
        this.samples = samples;
        this.backtest = Map.copyOf(backtest);
        this.provenance = provenance;
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

    @Override
    public Map<String, Forecast> forecastAll(double... levels) {
        double[] lv = Forecast.checkLevels(levels);
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (int s = 0; s < samples.length; s++) {
            double[] point = new double[horizon];
            double[][] lo = new double[lv.length][horizon];
            double[][] hi = new double[lv.length][horizon];
            for (int k = 0; k < horizon; k++) {
                float[] sorted = samples[s][k];
                point[k] = quantile(sorted, 0.5);
                for (int l = 0; l < lv.length; l++) {
                    double a = (1 - lv[l] / 100.0) / 2;
                    lo[l][k] = Math.min(point[k], quantile(sorted, a));
                    hi[l][k] = Math.max(point[k], quantile(sorted, 1 - a));
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
