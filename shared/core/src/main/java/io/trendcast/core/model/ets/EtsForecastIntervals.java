package io.trendcast.core.model.ets;

import io.trendcast.core.model.Forecast;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Point forecasts and prediction intervals of a fitted ETS model, R's {@code forecast.ets()} (Hyndman et al. 2008,
 * chapter 6; Hyndman, Koehler, Ord and Snyder 2005, "Prediction intervals for exponential smoothing using two new
 * classes of state space models", J. Forecasting 24).
 *
 * <ul>
 *   <li>class 1 (additive errors, no multiplicative component): exact Gaussian variances
 *       {@code σ² (1 + Σ c_j²)} with {@code c_j = H F^j G} — R's {@code class1};</li>
 *   <li>class 2 (multiplicative errors, additive or no trend and season): R's {@code class2} recursion on
 *       {@code θ_j};</li>
 *   <li>class 3 (multiplicative errors and season, additive or no trend): R's {@code class3} moment recursion on
 *       Kronecker products; its mean includes the second-order correction, as in R;</li>
 *   <li>everything else (multiplicative trend): 5000 simulated paths with a fixed seed and R's type-8 sample
 *       quantiles, as R's {@code pegelsfcast.C}.</li>
 * </ul>
 * Classes 1–3 give symmetric normal intervals {@code mean ± z·sd}.
 *
 * <p>R 8.20's {@code class1} puts γ in the third row of its G vector whatever the trend; for models without a
 * trend that row is the second seasonal state rather than the first. It is reproduced here so that intervals
 * match R's; the effect is a slight shift of the variance pattern of {@code (·,N,A)} models.
 */
final class EtsForecastIntervals {

    /** Number of simulated paths, R's {@code npaths} default. */
    static final int PATHS = 5000;
    /** Seed of the simulation, so that forecasts are reproducible. */
    static final long SEED = 20080101L;

    private EtsForecastIntervals() {
    }

    static Forecast forecast(EtsModel model, int h, double... levels) {
        EtsSpec spec = model.spec();
        boolean linearTrendSeason = spec.trend() != EtsComponent.MULTIPLICATIVE
                && spec.season() != EtsComponent.MULTIPLICATIVE;
        if (spec.error() == EtsComponent.ADDITIVE && linearTrendSeason) {
            Moments c1 = class1(model, h);
            return Forecast.normal(model.description(), c1.mu, sqrt(c1.var), levels);
        }
        if (spec.error() == EtsComponent.MULTIPLICATIVE && linearTrendSeason) {
            Moments c2 = class2(model, h);
            return Forecast.normal(model.description(), c2.mu, sqrt(c2.var), levels);
        }
        if (spec.error() == EtsComponent.MULTIPLICATIVE && spec.season() == EtsComponent.MULTIPLICATIVE
                && spec.trend() != EtsComponent.MULTIPLICATIVE) {
            Moments c3 = EtsClass3.moments(model, h);
            return Forecast.normal(model.description(), c3.mu, sqrt(c3.var), levels);
        }
        return simulate(model, h, levels);
    }

    /** Forecast means and variances per step. */
    record Moments(double[] mu, double[] var, double[] cj) {
    }

    /** R's {@code class1}. */
    static Moments class1(EtsModel model, int h) {
        EtsSpec spec = model.spec();
        double[] x = model.finalState();
        int p = x.length;
        int m = model.period();
        EtsParameters par = model.parameters();
        boolean trend = spec.trend() == EtsComponent.ADDITIVE;
        boolean season = spec.season() == EtsComponent.ADDITIVE;
        double phi = spec.damped() ? par.phi() : 1.0;
        double[] hRow = new double[p];
        hRow[0] = 1;
        if (season) {
            hRow[p - 1] = 1;
        }
        if (trend) {
            hRow[1] = phi;
        }
        double[][] f = new double[p][p];
        f[0][0] = 1;
        if (trend) {
            f[0][1] = phi;
            f[1][1] = phi;
        }
        if (season) {
            f[p - m][p - 1] = 1;
            for (int i = 0; i < m - 1; i++) {
                f[p - m + 1 + i][p - m + i] = 1;
            }
        }
        double[] g = new double[p];
        g[0] = par.alpha();
        if (trend) {
            g[1] = par.beta();
        }
        if (season) {
            g[2] = par.gamma();
        }
        double sigma2 = model.sigma2();
        double[] mu = new double[h];
        double[] var = new double[h];
        double[] cj = new double[Math.max(h - 1, 0)];
        double[] hf = new double[p];
        for (int k = 0; k < p; k++) {
            hf[k] = hRow[k];
        }
        double[] next = new double[p];
        double cum = 0;
        var[0] = sigma2;
        for (int i = 0; i < h; i++) {
            mu[i] = dot(hf, x);
            if (i < h - 1) {
                cj[i] = dot(hf, g);
                cum += cj[i] * cj[i];
                var[i + 1] = sigma2 * (1 + cum);
                for (int c = 0; c < p; c++) {
                    double s = 0;
                    for (int r = 0; r < p; r++) {
                        s += hf[r] * f[r][c];
                    }
                    next[c] = s;
                }
                double[] t = hf;
                hf = next;
                next = t;
            }
        }
        return new Moments(mu, var, cj);
    }

    /** R's {@code class2}: {@code θ_1 = μ_1²}, {@code θ_j = μ_j² + σ² Σ c_i² θ_{j−i}}, var = (1+σ²) θ − μ². */
    static Moments class2(EtsModel model, int h) {
        Moments c1 = class1(model, h);
        double sigma2 = model.sigma2();
        double[] theta = new double[h];
        theta[0] = c1.mu[0] * c1.mu[0];
        for (int j = 1; j < h; j++) {
            double s = 0;
            for (int i = 0; i < j; i++) {
                s += c1.cj[i] * c1.cj[i] * theta[j - 1 - i];
            }
            theta[j] = c1.mu[j] * c1.mu[j] + sigma2 * s;
        }
        double[] var = new double[h];
        for (int j = 0; j < h; j++) {
            var[j] = (1 + sigma2) * theta[j] - c1.mu[j] * c1.mu[j];
        }
        return new Moments(c1.mu, var, c1.cj);
    }

    /**
     * R's {@code pegelsfcast.C}: point forecasts from {@code etsforecast}, interval bounds from type-8 quantiles of
     * {@link #PATHS} paths simulated with Gaussian innovations of variance σ² (truncated at −1 for
     * multiplicative errors).
     */
    static Forecast simulate(EtsModel model, int h, double... levels) {
        double[] lv = Forecast.checkLevels(levels);
        EtsSpec spec = model.spec();
        EtsCalc calc = new EtsCalc(spec, model.period());
        calc.setParameters(model.parameters());
        double[] last = model.finalState();
        calc.setState(last, 0);
        double[] mean = new double[h];
        calc.forecast(mean, h);
        double sd = Math.sqrt(model.sigma2());
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[][] paths = new double[h][PATHS];
        double[] e = new double[h];
        double[] out = new double[h];
        int valid = 0;
        for (int k = 0; k < PATHS; k++) {
            for (int t = 0; t < h; t++) {
                double z = sd * gaussian(rnd);
                e[t] = spec.error() == EtsComponent.MULTIPLICATIVE ? Math.max(-1, z) : z;
            }
            calc.setState(last, 0);
            if (calc.simulate(e, out)) {
                for (int t = 0; t < h; t++) {
                    paths[t][valid] = out[t];
                }
                valid++;
            }
        }
        double[][] lo = new double[lv.length][h];
        double[][] hi = new double[lv.length][h];
        for (int t = 0; t < h; t++) {
            double[] sorted = Arrays.copyOf(paths[t], valid);
            Arrays.sort(sorted);
            for (int k = 0; k < lv.length; k++) {
                lo[k][t] = quantile8(sorted, 0.5 - lv[k] / 200);
                hi[k][t] = quantile8(sorted, 0.5 + lv[k] / 200);
            }
        }
        return new Forecast(model.description(), mean, lv, lo, hi);
    }

    /** R's {@code quantile(type = 8)} (median-unbiased) of sorted data. */
    static double quantile8(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double pos = p * (n + 1.0 / 3) + 1.0 / 3;
        int j = (int) Math.floor(pos);
        double g = pos - j;
        if (j < 1) {
            return sorted[0];
        }
        if (j >= n) {
            return sorted[n - 1];
        }
        return (1 - g) * sorted[j - 1] + g * sorted[j];
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] sqrt(double[] var) {
        double[] sd = new double[var.length];
        for (int i = 0; i < var.length; i++) {
            sd[i] = Math.sqrt(Math.max(var[i], 0));
        }
        return sd;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
