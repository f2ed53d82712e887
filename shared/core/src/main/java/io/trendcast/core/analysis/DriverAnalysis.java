package io.trendcast.core.analysis;

import io.trendcast.core.features.FeatureBuilder;
import io.trendcast.core.features.FeatureSpec;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.stat.StudentT;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Builds a seller's {@link DriverReport}. Pure: no model fitting beyond least squares. */
public final class DriverAnalysis {

    /** At most this many series-periods enter the PCA (an even subsample beyond it). */
    static final int PCA_ROWS = 20_000;

    private DriverAnalysis() {
    }

    /**
     * Analyses {@code inputs} (one seller's series with their drivers).
     *
     * @param priceColumn  the price column (log price is regressed on; absent: no elasticity)
     * @param promoColumn  the promotion flag column (absent: no lift)
     * @param importance   per series id, the global model's driver importance (or an empty map)
     * @param maxImportance how many series (the largest by sales) get an importance entry
     */
    public static DriverReport analyze(List<SeriesInput> inputs, String priceColumn, String promoColumn,
                                       Function<String, Map<String, Double>> importance, int maxImportance) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to analyse: no series");
        }
        TreeSet<String> drivers = new TreeSet<>();
        for (SeriesInput in : inputs) {
            drivers.addAll(in.covariateNames());
        }
        int rows = 0;
        for (SeriesInput in : inputs) {
            rows += in.series().length();
        }
        List<Correlation> corr = new ArrayList<>();
        for (String d : drivers) {
            Correlation c = correlation(inputs, d);
            if (c != null && Double.isFinite(c.r())) {
                corr.add(c);
            }
        }
        FeatureSpec spec = FeatureSpec.defaults(inputs.get(0).series().frequency(), inputs.get(0).series().season(),
                1, HolidayCalendar.forCountry("GLOBAL"), new ArrayList<>(drivers), List.of());
        FeatureBuilder fb = new FeatureBuilder(spec, inputs.get(0).series().frequency());
        double[] pca = Pca.varianceExplained(featureMatrix(inputs, fb, rows));
        List<Effect> effects = Elasticity.fit(inputs, drivers.contains(priceColumn) ? priceColumn : null,
                drivers.contains(promoColumn) ? promoColumn : null);
        Map<String, Map<String, Double>> imp = new LinkedHashMap<>();
        List<SeriesInput> bySize = new ArrayList<>(inputs);
        bySize.sort((a, b) -> Double.compare(total(b), total(a)));
        for (SeriesInput in : bySize.subList(0, Math.min(maxImportance, bySize.size()))) {
            Map<String, Double> m = importance.apply(in.series().id());
            if (m != null && !m.isEmpty()) {
                imp.put(in.series().id(), m);
            }
        }
        return new DriverReport(inputs.size(), rows, corr, fb.names(), pca, effects, imp);
    }

    private static double total(SeriesInput in) {
        double s = 0;
        for (double v : in.series().values()) {
            s += Math.abs(v);
        }
        return s;
    }

    static double scale(double[] y) {
        double s = 0;
        for (double v : y) {
            s += Math.abs(v);
        }
        s /= Math.max(1, y.length);
        return s > 0 ? s : 1;
    }

    private static Correlation correlation(List<SeriesInput> inputs, String driver) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (SeriesInput in : inputs) {
            double[] y = in.series().values();
            double sc = scale(y);
            for (int t = 0; t < y.length; t++) {
                double x = in.covariate(driver, t);
                if (!Double.isFinite(x) || !Double.isFinite(y[t])) {
                    continue;
                }
                double v = y[t] / sc;
                sx += x;
                sy += v;
                sxx += x * x;
                syy += v * v;
                sxy += x * v;
                n++;
            }
        }
        if (n < 3) {
            return null;
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        double r = vx > 1e-12 && vy > 1e-12 ? (sxy - sx * sy / n) / Math.sqrt(vx * vy) : Double.NaN; // constant: none
        return new Correlation(driver, r, n);
    }

    private static double[][] featureMatrix(List<SeriesInput> inputs, FeatureBuilder fb, int rows) {
        int every = Math.max(1, (rows + PCA_ROWS - 1) / PCA_ROWS);
        List<double[]> out = new ArrayList<>();
        int i = 0;
        for (SeriesInput in : inputs) {
            double[] y = in.series().values();
            double sc = scale(y);
            double[] scaled = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                scaled[t] = y[t] / sc;
            }
            for (int t = 0; t < y.length; t++) {
                if (i++ % every == 0) {
                    double[] row = new double[fb.width()];
                    fb.row(in, scaled, t, row);
                    out.add(row);
                }
            }
        }
        return out.toArray(new double[0][]);
    }

    /** Fixed-effects (within-series) least squares of log sales on log price and the promotion flag. */
    static final class Elasticity {

        private Elasticity() {
        }

        static List<Effect> fit(List<SeriesInput> inputs, String price, String promo) {
            List<String> names = new ArrayList<>();
            if (price != null) {
                names.add("log(" + price + ")");
            }
            if (promo != null) {
                names.add(promo);
            }
            int p = names.size();
            if (p == 0) {
                return List.of();
            }
            double[][] xtx = new double[p][p];
            double[] xty = new double[p];
            double yy = 0;
            int n = 0;
            int groups = 0;
            for (SeriesInput in : inputs) {
                double[] y = in.series().values();
                List<double[]> rows = new ArrayList<>();
                for (int t = 0; t < y.length; t++) {
                    if (!(y[t] > 0)) {
                        continue;
                    }
                    double[] r = new double[p + 1];
                    int c = 0;
                    boolean ok = true;
                    if (price != null) {
                        double v = in.covariate(price, t);
                        ok = v > 0;
                        r[c++] = Math.log(v);
                    }
                    if (promo != null) {
                        double v = in.covariate(promo, t);
                        ok &= Double.isFinite(v);
                        r[c++] = v;
                    }
                    r[p] = Math.log(y[t]);
                    if (ok) {
                        rows.add(r);
                    }
                }
                if (rows.size() < 2) {
                    continue;
                }
                double[] mean = new double[p + 1];
                for (double[] r : rows) {
                    for (int j = 0; j <= p; j++) {
                        mean[j] += r[j] / rows.size();
                    }
                }
                for (double[] r : rows) {
                    for (int a = 0; a < p; a++) {
                        double xa = r[a] - mean[a];
                        xty[a] += xa * (r[p] - mean[p]);
                        for (int b = 0; b < p; b++) {
                            xtx[a][b] += xa * (r[b] - mean[b]);
                        }
                    }
                    yy += (r[p] - mean[p]) * (r[p] - mean[p]);
                }
                n += rows.size();
                groups++;
            }
            int df = n - groups - p;
            double[][] inv = invert(xtx);
            if (df < 1 || inv == null) {
                return List.of();
            }
            double[] beta = new double[p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    beta[a] += inv[a][b] * xty[b];
                }
            }
            double rss = yy;
            for (int a = 0; a < p; a++) {
                rss -= beta[a] * xty[a];
            }
            double sigma2 = Math.max(0, rss) / df;
            double tq = StudentT.quantile(0.975, df);
            List<Effect> out = new ArrayList<>();
            for (int a = 0; a < p; a++) {
                double se = Math.sqrt(sigma2 * inv[a][a]);
                out.add(new Effect(names.get(a), beta[a], se, beta[a] - tq * se, beta[a] + tq * se, n));
            }
            return out;
        }

        /** Inverse by Gauss–Jordan elimination with partial pivoting; null when singular. */
        static double[][] invert(double[][] m) {
            int n = m.length;
            double[][] a = new double[n][2 * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(m[i], 0, a[i], 0, n);
                a[i][n + i] = 1;
            }
            for (int c = 0; c < n; c++) {
                int piv = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                        piv = r;
                    }
                }
                if (Math.abs(a[piv][c]) < 1e-12) {
                    return null;
                }
                double[] tmp = a[c];
                a[c] = a[piv];
                a[piv] = tmp;
                double d = a[c][c];
                for (int j = 0; j < 2 * n; j++) {
                    a[c][j] /= d;
                }
                for (int r = 0; r < n; r++) {
                    if (r != c && a[r][c] != 0) {
                        double f = a[r][c];
                        for (int j = 0; j < 2 * n; j++) {
                            a[r][j] -= f * a[c][j];
                        }
                    }
                }
            }
            double[][] inv = new double[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], n, inv[i], 0, n);
            }
            return inv;
        }
    }
}
