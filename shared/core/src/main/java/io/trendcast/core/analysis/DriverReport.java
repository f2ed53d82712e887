package io.trendcast.core.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The multivariate analysis of one seller's sales.
 *
 * @param series         number of series analysed
 * @param rows           series-periods analysed
 * @param correlations   sales against each driver
 * @param pcaFeatures    the columns of the feature matrix the PCA ran on
 * @param pcaExplained   share of variance explained by each principal component, largest first
 * @param effects        fixed-effects regression of log sales on log price and promotion (empty without them)
 * @param importance     per series, the global model's driver importance (empty without a global model)
 */
public record DriverReport(int series, int rows, List<Correlation> correlations, List<String> pcaFeatures,
                           double[] pcaExplained, List<Effect> effects, Map<String, Map<String, Double>> importance) {

    public DriverReport {
        correlations = List.copyOf(correlations);
        pcaFeatures = List.copyOf(pcaFeatures);
        pcaExplained = pcaExplained.clone();
        effects = List.copyOf(effects);
        importance = Map.copyOf(importance);
    }

    @Override
    public double[] pcaExplained() {
        return pcaExplained.clone();
    }

    /** The report as JSON (the {@code drivers} member of the upload report, and {@code trendcast analyze}). */
    public String toJson() {
        StringBuilder b = new StringBuilder(1024);
        b.append("{\"series\":").append(series).append(",\"rows\":").append(rows).append(",\"correlations\":[");
        for (int i = 0; i < correlations.size(); i++) {
            Correlation c = correlations.get(i);
            b.append(i > 0 ? "," : "").append("{\"driver\":").append(str(c.driver())).append(",\"r\":")
                    .append(num(c.r())).append(",\"rows\":").append(c.rows()).append('}');
        }
        b.append("],\"pca\":{\"features\":[");
        for (int i = 0; i < pcaFeatures.size(); i++) {
            b.append(i > 0 ? "," : "").append(str(pcaFeatures.get(i)));
        }
        b.append("],\"varianceExplained\":[");
        for (int i = 0; i < pcaExplained.length; i++) {
            b.append(i > 0 ? "," : "").append(num(pcaExplained[i]));
        }
        b.append("]},\"effects\":[");
        for (int i = 0; i < effects.size(); i++) {
            Effect e = effects.get(i);
            b.append(i > 0 ? "," : "").append("{\"driver\":").append(str(e.driver())).append(",\"estimate\":")
                    .append(num(e.estimate())).append(",\"stdError\":").append(num(e.stdError()))
                    .append(",\"lo95\":").append(num(e.lo95())).append(",\"hi95\":").append(num(e.hi95()))
                    .append(",\"rows\":").append(e.rows()).append('}');
        }
        b.append("],\"importance\":{");
        int i = 0;
        for (Map.Entry<String, Map<String, Double>> s : new java.util.TreeMap<>(importance).entrySet()) {
            b.append(i++ > 0 ? "," : "").append(str(s.getKey())).append(":{");
            int j = 0;
            for (Map.Entry<String, Double> d : s.getValue().entrySet()) {
                b.append(j++ > 0 ? "," : "").append(str(d.getKey())).append(':').append(num(d.getValue()));
            }
            b.append('}');
        }
        return b.append("}}").toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
