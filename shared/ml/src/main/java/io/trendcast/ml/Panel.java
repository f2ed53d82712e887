package io.trendcast.ml;

import io.trendcast.core.features.FeatureBuilder;
import io.trendcast.core.features.FeatureSpec;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.Frequency;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The series of one global fit with their scales and feature builder: builds the Tribuo training set and runs the
 * forecast passes. Each series is divided by its scale (mean absolute value of its last two seasons) so that series
 * of any size share one model; forecasts are multiplied back.
 */
final class Panel {

    static final RegressionFactory FACTORY = new RegressionFactory();
    private static final String TARGET = "y";

    final List<SeriesInput> inputs;
    final FeatureBuilder builder;
    final double[] scales;
    final int horizon;
    private final String[] names;
    private final int baseLag;

    Panel(List<SeriesInput> inputs, FeatureBuilder builder, double[] scales, int horizon) {
        this.inputs = List.copyOf(inputs);
        this.builder = builder;
        this.scales = scales.clone();
        this.horizon = horizon;
        this.names = builder.names().toArray(new String[0]);
        int m = inputs.get(0).series().season();
        int minLag = builder.spec().minLag();
        int lag = m > 1 ? m : minLag;
        while (lag < minLag) {
            lag += m;
        }
        this.baseLag = lag;
    }

    /**
     * The baseline the model corrects: the value one season before (seasonal naive), or the last value the features
     * may read when that is missing. Trees approximate an identity map on a continuous feature only stepwise, so
     * they learn the correction to a strong baseline rather than the level itself.
     */
    double baseline(double[] y, int t) {
        int i = t - baseLag;
        if (i >= 0 && !Double.isNaN(y[i])) {
            return y[i];
        }
        for (int j = t - builder.spec().minLag(); j >= 0; j--) {
            if (!Double.isNaN(y[j])) {
                return y[j];
            }
        }
        return 0;
    }

    /** A panel whose features follow the configuration's strategy and the series' frequency and season. */
    static Panel of(List<SeriesInput> inputs, GlobalConfig config, int horizon) {
        if (inputs.isEmpty()) {
            throw new ModelException("the global model needs at least one series");
        }
        if (horizon < 1) {
            throw new ModelException("horizon must be at least 1, was " + horizon);
        }
        Frequency freq = inputs.get(0).series().frequency();
        int season = inputs.get(0).series().season();
        TreeSet<String> cov = new TreeSet<>();
        TreeSet<String> attr = new TreeSet<>();
        for (SeriesInput in : inputs) {
            if (in.series().frequency() != freq) {
                throw new ModelException("one global model serves one frequency; '" + in.series().id() + "' is "
                        + in.series().frequency() + ", others " + freq);
            }
            cov.addAll(in.covariateNames());
            attr.addAll(in.attributes().keySet());
        }
        if (config.strategy() == GlobalConfig.Strategy.AUTO) {
            throw new IllegalArgumentException("a panel needs a resolved strategy, RECURSIVE or DIRECT");
        }
        int minLag = config.strategy() == GlobalConfig.Strategy.DIRECT ? horizon : 1;
        FeatureSpec spec = FeatureSpec.defaults(freq, season, minLag, config.holidays(), new ArrayList<>(cov),
                new ArrayList<>(attr));
        return new Panel(inputs, new FeatureBuilder(spec, freq), scales(inputs, season), horizon);
    }

    private static double[] scales(List<SeriesInput> inputs, int season) {
        double[] out = new double[inputs.size()];
        int window = Math.max(8, 2 * season);
        for (int s = 0; s < out.length; s++) {
            double[] y = inputs.get(s).series().values();
            double sum = 0;
            int cnt = 0;
            for (int i = Math.max(0, y.length - window); i < y.length; i++) {
                sum += Math.abs(y[i]);
                cnt++;
            }
            double scale = cnt > 0 ? sum / cnt : 0;
            out[s] = scale > 1e-9 ? scale : 1;
        }
        return out;
    }

    /** Scaled history of series {@code s}, with {@code extra} NaN periods appended for forecasts. */
    double[] scaledBuffer(int s, int extra) {
        double[] y = inputs.get(s).series().values();
        double[] b = new double[y.length + extra];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i] / scales[s];
        }
        for (int i = y.length; i < b.length; i++) {
            b[i] = Double.NaN;
        }
        return b;
    }

    /** Every period with at least its nearest lag observed becomes a training example. */
    MutableDataset<Regressor> trainingSet() {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(
                "trendcast global features: " + inputs.size() + " series", OffsetDateTime.now(), FACTORY), FACTORY);
        double[] row = new double[builder.width()];
        int minLag = builder.spec().minLag();
        double[] weights = rowWeights();
        for (int s = 0; s < inputs.size(); s++) {
            double[] y = scaledBuffer(s, 0);
            for (int t = minLag; t < y.length; t++) {
                if (Double.isNaN(y[t])) {
                    continue;
                }
                builder.row(inputs.get(s), y, t, row);
                Example<Regressor> ex = example(new Regressor(TARGET, y[t] - baseline(y, t)), row);
                ex.setWeight((float) weights[s]);
                data.add(ex);
            }
        }
        if (data.size() == 0) {
            throw new ModelException("the series are too short for the global model's features");
        }
        return data;
    }

    /**
     * Example weights: the series' scale relative to the mean scale (square-rooted), so that the squared loss on
     * scaled values leans towards the large series that dominate pooled absolute errors without letting them
     * drown the rest.
     */
    private double[] rowWeights() {
        double mean = 0;
        for (double v : scales) {
            mean += v;
        }
        mean /= scales.length;
        double[] w = new double[scales.length];
        for (int s = 0; s < w.length; s++) {
            w[s] = Math.sqrt(scales[s] / mean);
        }
        return w;
    }

    /** Forecasts every series {@code horizon} steps, in the series' units; {@code out[s][k]}. */
    double[][] forecast(Model<Regressor> model) {
        int n = inputs.size();
        double[][] buf = new double[n][];
        for (int s = 0; s < n; s++) {
            buf[s] = scaledBuffer(s, horizon);
        }
        double[] row = new double[builder.width()];
        boolean direct = builder.spec().minLag() >= horizon;
        if (direct) {
            List<Example<Regressor>> batch = new ArrayList<>(n * horizon);
            for (int s = 0; s < n; s++) {
                int len = inputs.get(s).series().length();
                for (int k = 0; k < horizon; k++) {
                    builder.row(inputs.get(s), buf[s], len + k, row);
                    batch.add(example(FACTORY.getUnknownOutput(), row));
                }
            }
            List<Prediction<Regressor>> p = model.predict(batch);
            for (int s = 0; s < n; s++) {
                int len = inputs.get(s).series().length();
                for (int k = 0; k < horizon; k++) {
                    buf[s][len + k] = p.get(s * horizon + k).getOutput().getValues()[0] + baseline(buf[s], len + k);
                }
            }
        } else {
            for (int k = 0; k < horizon; k++) {
                List<Example<Regressor>> batch = new ArrayList<>(n);
                for (int s = 0; s < n; s++) {
                    builder.row(inputs.get(s), buf[s], inputs.get(s).series().length() + k, row);
                    batch.add(example(FACTORY.getUnknownOutput(), row));
                }
                List<Prediction<Regressor>> p = model.predict(batch);
                for (int s = 0; s < n; s++) {
                    int t = inputs.get(s).series().length() + k;
                    buf[s][t] = p.get(s).getOutput().getValues()[0] + baseline(buf[s], t);
                }
            }
        }
        double[][] out = new double[n][horizon];
        for (int s = 0; s < n; s++) {
            int len = inputs.get(s).series().length();
            for (int k = 0; k < horizon; k++) {
                out[s][k] = buf[s][len + k] * scales[s];
            }
        }
        return out;
    }

    /** The feature rows of series {@code s}'s forecast periods, given its forecasts (for importances). */
    double[][] forecastRows(int s, double[] forecast) {
        double[] y = scaledBuffer(s, horizon);
        int len = inputs.get(s).series().length();
        for (int k = 0; k < horizon; k++) {
            y[len + k] = forecast[k] / scales[s];
        }
        double[][] rows = new double[horizon][builder.width()];
        for (int k = 0; k < horizon; k++) {
            builder.row(inputs.get(s), y, len + k, rows[k]);
        }
        return rows;
    }

    private Example<Regressor> example(Regressor out, double[] row) {
        int cnt = 0;
        for (double v : row) {
            if (!Double.isNaN(v)) {
                cnt++;
            }
        }
        String[] n = new String[cnt];
        double[] v = new double[cnt];
        int c = 0;
        for (int j = 0; j < row.length; j++) {
            if (!Double.isNaN(row[j])) {
                n[c] = names[j];
                v[c++] = row[j];
            }
        }
        return new ArrayExample<>(out, n, v);
    }
}
