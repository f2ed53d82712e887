package io.trendcast.core.model.ets;

import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.optim.NelderMead;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Automatic exponential smoothing, R's {@code forecast::ets()} (version 8.20): every admissible ETS model is fitted
 * by maximum likelihood and the one with the smallest information criterion (AICc by default) is kept (Hyndman,
 * Koehler, Snyder and Grose 2002; Hyndman et al. 2008, chapter 7).
 *
 * <p>As in R: the model string names error, trend and season with {@code Z} for "select"; multiplicative errors
 * are only tried on positive data; seasonal models need {@code m > 1} and more than {@code m} observations; a
 * period above 24 drops the season (R warns and ignores it); the restricted combinations (additive error with a
 * multiplicative component, {@code M,M,A}) are skipped; a series with at most {@code npars + 4} observations gets
 * R's Holt/SES fallback ({@link EtsShortSeries}); a constant series gets simple exponential smoothing with
 * α = 0.99999. A candidate that fails to fit scores infinitely bad; only "nothing fits" is an error.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; defaults are R's.
 */
public final class EtsForecaster implements Forecaster {

    private static final System.Logger LOG = System.getLogger(EtsForecaster.class.getName());
    private static final String DEFAULT_MODEL = "ZZZ";

    private final String model;
    private final Boolean damped;
    private final boolean allowMultiplicativeTrend;
    private final boolean additiveOnly;
    private final boolean restrict;
    private final EtsInformationCriterion ic;
    private final EtsEstimator estimator;

    private EtsForecaster(Builder b) {
        this.model = b.model;
        this.damped = b.damped;
        this.allowMultiplicativeTrend = b.allowMultiplicativeTrend;
        this.additiveOnly = b.additiveOnly;
        this.restrict = b.restrict;
        this.ic = b.ic;
        this.estimator = new EtsEstimator(b.bounds, b.criterion, b.nmse,
                NelderMead.withMaxEvaluations(b.maxEvaluations));
    }

    /** R's defaults: {@code ets(y)}. */
    public static EtsForecaster defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "ets";
    }

    /**
     * Fits every admissible candidate and returns the best by the information criterion.
     *
     * @throws ModelException when the series is empty, the requested model is impossible for it (R's errors
     *                        "Nonseasonal data", "Forbidden model combination", …) or no candidate fits
     */
    @Override
    public EtsModel fit(TimeSeries series) {
        double[] y = longestFiniteRun(series.values());
        if (y.length == 0) {
            throw new ModelException("series " + series.id() + " has no observations");
        }
        if (DEFAULT_MODEL.equals(model) && isConstant(y)) {
            return EtsShortSeries.constant(y);
        }
        int m = series.season();
        char errorType = model.charAt(0);
        char trendType = model.charAt(1);
        char seasonType = model.charAt(2);
        int n = y.length;
        if (m < 1 || n <= m) {
            seasonType = 'N';
        }
        if (m == 1) {
            if (seasonType == 'A' || seasonType == 'M') {
                throw new ModelException("nonseasonal data: series " + series.id() + " has period 1");
            }
            seasonType = 'N';
        }
        if (m > 24) {
            if (seasonType == 'A' || seasonType == 'M') {
                throw new ModelException("seasonal period " + m + " too high for ETS (at most 24)");
            }
            if (seasonType == 'Z') {
                LOG.log(System.Logger.Level.WARNING, "series {0}: seasonal period {1} > 24 ignored (as R ets)",
                        series.id(), m);
                seasonType = 'N';
            }
        }
        if (restrict && ((errorType == 'A' && (trendType == 'M' || seasonType == 'M'))
                || (errorType == 'M' && trendType == 'M' && seasonType == 'A')
                || (additiveOnly && (errorType == 'M' || trendType == 'M' || seasonType == 'M')))) {
            throw new ModelException("forbidden model combination " + model);
        }
        boolean positive = min(y) > 0;
        if (!positive && errorType == 'M') {
            throw new ModelException("multiplicative errors need positive data; series " + series.id()
                    + " has values at or below zero");
        }
        if (Boolean.TRUE.equals(damped) && trendType == 'N') {
            throw new ModelException("a damped model needs a trend");
        }
        int npars = 2;
        if (trendType == 'A' || trendType == 'M') {
            npars += 2;
        }
        if (seasonType == 'A' || seasonType == 'M') {
            npars += m;
        }
        if (Boolean.TRUE.equals(damped)) {
            npars += 1;
        }
        if (n <= npars + 4) {
            return EtsShortSeries.fit(y, m);
        }
        return select(y, m, candidates(errorType, trendType, seasonType, positive), series.id());
    }

    private EtsModel select(double[] y, int m, List<EtsSpec> candidates, String id) {
        EtsModel best = null;
        double bestIc = Double.POSITIVE_INFINITY;
        for (EtsSpec spec : candidates) {
            EtsModel fit;
            try {
                fit = estimator.fit(y, spec, m);
            } catch (ModelException | ArithmeticException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.DEBUG, "series {0}: {1} not fitted: {2}", id, spec, e.getMessage());
                continue;
            }
            if (fit == null) {
                continue;
            }
            double value = fit.criterion(ic);
            if (value < bestIc) {
                best = fit;
                bestIc = value;
            }
        }
        if (best == null) {
            throw new ModelException("no ETS model could be fitted to series " + id);
        }
        return best;
    }

    /** R's candidate loop: errors × trends × seasons × damping, minus forbidden combinations. */
    private List<EtsSpec> candidates(char e, char t, char s, boolean positive) {
        List<EtsComponent> errors = e == 'Z' ? List.of(EtsComponent.ADDITIVE, EtsComponent.MULTIPLICATIVE)
                : List.of(EtsComponent.of(e));
        List<EtsComponent> trends = t != 'Z' ? List.of(EtsComponent.of(t))
                : allowMultiplicativeTrend
                ? List.of(EtsComponent.NONE, EtsComponent.ADDITIVE, EtsComponent.MULTIPLICATIVE)
                : List.of(EtsComponent.NONE, EtsComponent.ADDITIVE);
        List<EtsComponent> seasons = s == 'Z'
                ? List.of(EtsComponent.NONE, EtsComponent.ADDITIVE, EtsComponent.MULTIPLICATIVE)
                : List.of(EtsComponent.of(s));
        List<Boolean> damping = damped == null ? List.of(true, false) : List.of(damped);
        List<EtsSpec> out = new ArrayList<>();
        for (EtsComponent error : errors) {
            for (EtsComponent trend : trends) {
                for (EtsComponent season : seasons) {
                    for (boolean d : damping) {
                        if (trend == EtsComponent.NONE && d) {
                            continue;
                        }
                        EtsSpec spec = new EtsSpec(error, trend, season, d);
                        if (restrict && (spec.restricted() || (additiveOnly && spec.hasMultiplicative()))) {
                            continue;
                        }
                        if (!positive && error == EtsComponent.MULTIPLICATIVE) {
                            continue;
                        }
                        out.add(spec);
                    }
                }
            }
        }
        return out;
    }

    /** R's {@code na.contiguous}: the longest stretch without missing values (the first of equally long ones). */
    private static double[] longestFiniteRun(double[] v) {
        int bestStart = 0;
        int bestLen = 0;
        int start = 0;
        for (int i = 0; i <= v.length; i++) {
            if (i == v.length || !Double.isFinite(v[i])) {
                if (i - start > bestLen) {
                    bestLen = i - start;
                    bestStart = start;
                }
                start = i + 1;
            }
        }
        double[] out = new double[bestLen];
        System.arraycopy(v, bestStart, out, 0, bestLen);
        return out;
    }

    /** R's {@code is.constant}: {@code all.equal(y, rep(y[1], n))}, mean relative difference below 1.5e-8. */
    private static boolean isConstant(double[] y) {
        double diff = 0;
        for (double v : y) {
            diff += Math.abs(v - y[0]);
        }
        double scale = Math.abs(y[0]) * y.length;
        return scale > 0 ? diff / scale < 1.5e-8 : diff / y.length < 1.5e-8;
    }

    private static double min(double[] y) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : y) {
            m = Math.min(m, v);
        }
        return m;
    }

    @Override
    public String toString() {
        return "EtsForecaster[model=" + model + ", damped=" + damped + ", allowMultiplicativeTrend="
                + allowMultiplicativeTrend + ", ic=" + ic + ", " + estimator + "]";
    }

    /** Immutable configuration; every default is R's {@code ets()} default. */
    public static final class Builder {
        private String model = DEFAULT_MODEL;
        private Boolean damped = null;
        private boolean allowMultiplicativeTrend = false;
        private boolean additiveOnly = false;
        private boolean restrict = true;
        private EtsOptimizationCriterion criterion = EtsOptimizationCriterion.LIKELIHOOD;
        private EtsBounds bounds = EtsBounds.BOTH;
        private int nmse = 3;
        private EtsInformationCriterion ic = EtsInformationCriterion.AICC;
        private int maxEvaluations = 2000;

        private Builder() {
        }

        /**
         * Three letters: error {@code A|M|Z}, trend {@code N|A|M|Z}, season {@code N|A|M|Z}; {@code Z} selects.
         * Default {@code ZZZ}.
         */
        public Builder model(String spec) {
            String s = spec.trim().toUpperCase(Locale.ROOT);
            if (s.length() != 3 || "AMZ".indexOf(s.charAt(0)) < 0 || "NAMZ".indexOf(s.charAt(1)) < 0
                    || "NAMZ".indexOf(s.charAt(2)) < 0) {
                throw new IllegalArgumentException("ETS model must be three letters [AMZ][NAMZ][NAMZ], was '"
                        + spec + "'");
            }
            this.model = s;
            return this;
        }

        /** {@code true} only damped trends, {@code false} none, {@code null} (default) tries both. */
        public Builder damped(Boolean value) {
            this.damped = value;
            return this;
        }

        /** Whether {@code Z} trend also tries multiplicative trends (default false). */
        public Builder allowMultiplicativeTrend(boolean value) {
            this.allowMultiplicativeTrend = value;
            return this;
        }

        /** Only additive models (default false). */
        public Builder additiveOnly(boolean value) {
            this.additiveOnly = value;
            return this;
        }

        /** Skip the numerically unstable combinations (default true). */
        public Builder restrict(boolean value) {
            this.restrict = value;
            return this;
        }

        /** What the optimiser minimises (default the likelihood). */
        public Builder optimizationCriterion(EtsOptimizationCriterion value) {
            this.criterion = Objects.requireNonNull(value);
            return this;
        }

        /** Parameter space (default both usual and admissible). */
        public Builder bounds(EtsBounds value) {
            this.bounds = Objects.requireNonNull(value);
            return this;
        }

        /** Horizon of the AMSE criterion, 1..30 (default 3). */
        public Builder nmse(int value) {
            if (value < 1 || value > 30) {
                throw new IllegalArgumentException("nmse must be in 1..30, was " + value);
            }
            this.nmse = value;
            return this;
        }

        /** Selection criterion (default AICc). */
        public Builder informationCriterion(EtsInformationCriterion value) {
            this.ic = Objects.requireNonNull(value);
            return this;
        }

        /** Nelder–Mead evaluation budget per candidate (default R's {@code maxit = 2000}). */
        public Builder maxEvaluations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxEvaluations must be positive, was " + value);
            }
            this.maxEvaluations = value;
            return this;
        }

        public EtsForecaster build() {
            return new EtsForecaster(this);
        }
    }
}
