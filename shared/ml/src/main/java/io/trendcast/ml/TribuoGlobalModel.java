package io.trendcast.ml;

import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/** A fitted global model with the forecasts of its series. Immutable. */
public final class TribuoGlobalModel implements GlobalModel {

    private final GlobalConfig config;
    private final Panel panel;
    private final Model<Regressor> model;
    private final ConformalTable intervals;
    private final Map<String, double[]> backtest;
    private final double[][] mean;

    TribuoGlobalModel(GlobalConfig config, Panel panel, Model<Regressor> model, ConformalTable intervals,
                      Map<String, double[]> backtest) {
        this.config = config;
        this.panel = panel;
        this.model = model;
        this.intervals = intervals;
        this.backtest = Map.copyOf(backtest);
        this.mean = panel.forecast(model);
    }

    @Override
    public String description() {
        return "global(" + config.learner().name().toLowerCase() + ", " + config.strategy().name().toLowerCase()
                + ")";
    }

    /** The Tribuo model (with its provenance: trainer configuration, data source, library versions). */
    public Model<Regressor> tribuoModel() {
        return model;
    }

    GlobalConfig config() {
        return config;
    }

    Panel panel() {
        return panel;
    }

    ConformalTable intervals() {
        return intervals;
    }

    @Override
    public Map<String, Forecast> forecastAll(double... levels) {
        double[] lv = Forecast.checkLevels(levels);
        Map<String, Forecast> out = new LinkedHashMap<>();
        for (int s = 0; s < mean.length; s++) {
            int h = mean[s].length;
            double[][] lo = new double[lv.length][h];
            double[][] hi = new double[lv.length][h];
            for (int l = 0; l < lv.length; l++) {
                for (int k = 0; k < h; k++) {
                    double w = intervals.halfWidth(lv[l], k) * panel.scales[s];
                    lo[l][k] = mean[s][k] - w;
                    hi[l][k] = mean[s][k] + w;
                }
            }
            out.put(panel.inputs.get(s).series().id(), new Forecast(description(), mean[s], lv, lo, hi));
        }
        return out;
    }

    @Override
    public Map<String, double[]> backtest() {
        return backtest;
    }

    @Override
    public Map<String, Double> importance(String seriesId) {
        for (int s = 0; s < panel.inputs.size(); s++) {
            if (panel.inputs.get(s).series().id().equals(seriesId)) {
                return Importance.of(model, panel.builder.names(), panel.forecastRows(s, mean[s]));
            }
        }
        return Collections.emptyMap();
    }

    /** Feature names in the model's row order. */
    public List<String> featureNames() {
        return panel.builder.names();
    }
}
