package io.trendcast.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/**
 * Per-series driver importance of a tree model: the mean absolute SHAP contribution of each feature over the
 * series' forecast periods (Lundberg et al. 2020, TreeSHAP, as computed by XGBoost's {@code predictContrib}),
 * normalised to sum to 1. Lag and rolling features are grouped as "history".
 */
final class Importance {

    private Importance() {
    }

    static Map<String, Double> of(Model<Regressor> model, List<String> names, double[][] rows) {
        if (!(model instanceof XGBoostModel<Regressor> xgb) || rows.length == 0) {
            return Collections.emptyMap();
        }
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        int width = fmap.size();
        float[] data = new float[rows.length * width];
        java.util.Arrays.fill(data, Float.NaN);
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < names.size(); j++) {
                int id = fmap.getID(names.get(j));
                if (id >= 0 && !Double.isNaN(rows[r][j])) {
                    data[r * width + id] = (float) rows[r][j];
                }
            }
        }
        try {
            DMatrix m = new DMatrix(data, rows.length, width, Float.NaN);
            Booster booster = xgb.getInnerModels().get(0);
            float[][] contrib = booster.predictContrib(m, 0);
            m.dispose();
            Map<String, Double> sums = new LinkedHashMap<>();
            double total = 0;
            for (int j = 0; j < names.size(); j++) {
                int id = fmap.getID(names.get(j));
                if (id < 0) {
                    continue;
                }
                double s = 0;
                for (float[] c : contrib) {
                    s += Math.abs(c[id]);
                }
                sums.merge(group(names.get(j)), s, Double::sum);
                total += s;
            }
            if (!(total > 0)) {
                return Collections.emptyMap();
            }
            List<Map.Entry<String, Double>> entries = new ArrayList<>(sums.entrySet());
            entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : entries) {
                out.put(e.getKey(), e.getValue() / total);
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not explain the forecast: " + e.getMessage(), e);
        }
    }

    private static String group(String feature) {
        if (feature.startsWith("lag_") || feature.startsWith("mean_") || feature.startsWith("sd_")) {
            return "history";
        }
        if (feature.startsWith("x_")) {
            return feature.substring(2);
        }
        if (feature.startsWith("fest_")) {
            return "festivals";
        }
        return feature;
    }
}
