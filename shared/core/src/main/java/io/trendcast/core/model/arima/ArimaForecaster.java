package io.trendcast.core.model.arima;

import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.optim.Bfgs;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.stat.Ndiffs;
import io.trendcast.core.stat.Nsdiffs;
import io.trendcast.core.stat.SeasonalityTest;
import io.trendcast.core.stat.Series;
import java.util.Objects;

/**
 * Automatic ARIMA as {@code forecast::auto.arima} 8.20 with its defaults (Hyndman &amp; Khandakar 2008): seasonal
 * differences from the STL seasonal strength ({@link Nsdiffs}), first differences from repeated KPSS tests
 * ({@link Ndiffs}), then the {@link StepwiseSearch} over orders and constant by AICc, each candidate estimated by
 * CSS-ML ({@link ArimaEstimator}, exact likelihood as in Gardner, Harvey &amp; Phillips 1980). Long or
 * high-frequency series ({@code n > 150} or {@code m > 12}) are searched with the CSS approximation and the winner
 * refitted. Constant series, and series that are constant after differencing, get the fixed models R gives them.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class ArimaForecaster implements Forecaster {

    private final int maxP;
    private final int maxQ;
    private final int maxSeasonalP;
    private final int maxSeasonalQ;
    private final int maxD;
    private final int maxSeasonalD;
    private final boolean seasonal;
    private final boolean allowDrift;
    private final boolean allowMean;
    private final Boolean approximation;
    private final int nmodels;
    private final Bfgs optimizer;

    private ArimaForecaster(Builder b) {
        this.maxP = b.maxP;
        this.maxQ = b.maxQ;
        this.maxSeasonalP = b.maxSeasonalP;
        this.maxSeasonalQ = b.maxSeasonalQ;
        this.maxD = b.maxD;
        this.maxSeasonalD = b.maxSeasonalD;
        this.seasonal = b.seasonal;
        this.allowDrift = b.allowDrift;
        this.allowMean = b.allowMean;
        this.approximation = b.approximation;
        this.nmodels = b.nmodels;
        this.optimizer = b.optimizer;
    }

    /** A forecaster with {@code auto.arima}'s defaults. */
    public static ArimaForecaster create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "arima";
    }

    @Override
    public ArimaModel fit(TimeSeries series) {
        double[] x = series.values();
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ModelException("series " + series.id() + " has missing or infinite values; fill gaps first");
            }
        }
        int n = x.length;
        if (n == 0) {
            throw new ModelException("series " + series.id() + " is empty");
        }
        ArimaEstimator estimator = new ArimaEstimator(optimizer);
        if (SeasonalityTest.isConstant(x)) {
            return estimator.fixed(x, ArimaSpec.of(0, 0, 0, allowMean), allowMean ? mean(x) : Double.NaN);
        }
        int m = seasonal ? series.season() : 1;
        int mp = Math.min(maxP, n / 3);
        int mq = Math.min(maxQ, n / 3);
        int msp = (int) Math.floor(n / 3.0 / m);
        int msq = Math.min(maxSeasonalQ, msp);
        msp = Math.min(maxSeasonalP, msp);
        ArimaEstimator.Criterion ic = n <= 3 ? ArimaEstimator.Criterion.AIC : ArimaEstimator.Criterion.AICC;
        int sd;
        if (m == 1) {
            sd = 0;
            msp = 0;
            msq = 0;
        } else if (n <= 2 * m) {
            sd = 0;
        } else {
            sd = seasonalDifferences(x, m);
        }
        double[] dx = x;
        for (int i = 0; i < sd; i++) {
            dx = Series.diff(dx, m);
        }
        int d = Ndiffs.of(dx, maxD);
        for (int i = 0; i < d; i++) {
            dx = Series.diff(dx, 1);
        }
        if (dx.length == 0) {
            throw new ModelException("series " + series.id() + " is too short for ARIMA after differencing");
        }
        if (SeasonalityTest.isConstant(dx)) {
            return polynomialFit(estimator, x, dx, d, sd, m, series.id());
        }
        if (m > 1) {
            if (msp > 0) {
                mp = Math.min(mp, m - 1);
            }
            if (msq > 0) {
                mq = Math.min(mq, m - 1);
            }
        }
        boolean approx = approximation != null ? approximation : n > 150 || m > 12;
        double offset = approx ? estimator.cssOffset(x, spec(0, d, 0, 0, sd, m, d + sd == 0)) : 0.0;
        boolean allowConstant = allowDrift && d + sd == 1 || allowMean && d + sd == 0;
        int sp = 2;
        int sq = 2;
        int ssp = 1;
        int ssq = 1;
        if (n < 10) {
            sp = 1;
            sq = 1;
            ssp = 0;
            ssq = 0;
        }
        StepwiseSearch search = new StepwiseSearch(x, d, sd, m, estimator, ic, approx, offset);
        ArimaEstimator.Candidate best = search.run(
                new StepwiseSearch.Limits(mp, mq, msp, msq, sp, sq, ssp, ssq, nmodels), allowConstant);
        if (best.model() == null || best.ic() == Double.POSITIVE_INFINITY) {
            throw new ModelException("no suitable ARIMA model found for series " + series.id());
        }
        return best.model();
    }

    /**
     * Fits the given orders by CSS-ML without any search (as {@code forecast::Arima(y, order, seasonal)}), using this
     * forecaster's optimiser.
     *
     * @throws ModelException when the estimation fails or the CSS autoregression is not stationary
     */
    public ArimaModel fit(TimeSeries series, ArimaSpec spec) {
        if (spec.period() > 1 && spec.period() != series.season()) {
            throw new IllegalArgumentException("spec period " + spec.period() + " differs from the series season "
                    + series.season());
        }
        ArimaEstimator.Candidate c = new ArimaEstimator(optimizer).fit(series.values(), spec,
                ArimaEstimator.Method.CSS_ML, ArimaEstimator.Criterion.AICC, 0);
        if (c.model() == null) {
            throw new ModelException("could not estimate " + spec + " on series " + series.id());
        }
        return c.model();
    }

    private int seasonalDifferences(double[] x, int m) {
        int sd = 0;
        double[] y = x;
        boolean dodiff = Nsdiffs.of(y, m) > 0;
        while (dodiff && sd < maxSeasonalD) {
            sd++;
            y = Series.diff(y, m);
            if (SeasonalityTest.isConstant(y)) {
                return sd;
            }
            dodiff = y.length >= 2 * m && sd < maxSeasonalD && Nsdiffs.of(y, m) > 0;
        }
        return sd;
    }

    /** {@code auto.arima}'s models for data that are constant after differencing (all parameters fixed). */
    private ArimaModel polynomialFit(ArimaEstimator est, double[] x, double[] dx, int d, int sd, int m, String id) {
        if (sd > 0 && d == 0) {
            return est.fixed(x, spec(0, 0, 0, 0, sd, m, true), mean(dx) / m);
        }
        if (sd > 0) {
            return est.fixed(x, spec(0, d, 0, 0, sd, m, false), Double.NaN);
        }
        if (d == 2) {
            return est.fixed(x, ArimaSpec.of(0, 2, 0, false), Double.NaN);
        }
        if (d < 2) {
            return est.fixed(x, ArimaSpec.of(0, d, 0, true), mean(dx));
        }
        throw new ModelException("series " + id + " follows a polynomial and is not suitable for ARIMA modelling");
    }

    private static ArimaSpec spec(int p, int d, int q, int sp, int sd, int m, boolean constant) {
        return m > 1 ? new ArimaSpec(p, d, q, sp, sd, 0, m, constant) : ArimaSpec.of(p, d, q, constant);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Configuration with {@code auto.arima}'s defaults written where they are declared. */
    public static final class Builder {
        private int maxP = 5;
        private int maxQ = 5;
        private int maxSeasonalP = 2;
        private int maxSeasonalQ = 2;
        private int maxD = 2;
        private int maxSeasonalD = 1;
        private boolean seasonal = true;
        private boolean allowDrift = true;
        private boolean allowMean = true;
        private Boolean approximation;
        private int nmodels = 94;
        private Bfgs optimizer = Bfgs.R_DEFAULTS;

        private Builder() {
        }

        /** Largest non-seasonal AR and MA orders (default 5 and 5). */
        public Builder maxOrders(int p, int q) {
            this.maxP = nonNegative(p);
            this.maxQ = nonNegative(q);
            return this;
        }

        /** Largest seasonal AR and MA orders (default 2 and 2). */
        public Builder maxSeasonalOrders(int sp, int sq) {
            this.maxSeasonalP = nonNegative(sp);
            this.maxSeasonalQ = nonNegative(sq);
            return this;
        }

        /** Largest numbers of first and seasonal differences (default 2 and 1). */
        public Builder maxDifferences(int d, int sd) {
            this.maxD = nonNegative(d);
            this.maxSeasonalD = nonNegative(sd);
            return this;
        }

        /** Whether seasonal models are considered at all (default true). */
        public Builder seasonal(boolean s) {
            this.seasonal = s;
            return this;
        }

        /** Whether drift (d + D = 1) and mean (d + D = 0) terms may be chosen (default true, true). */
        public Builder allowConstant(boolean drift, boolean mean) {
            this.allowDrift = drift;
            this.allowMean = mean;
            return this;
        }

        /** Forces the CSS approximation on or off; by default it is used when {@code n > 150} or {@code m > 12}. */
        public Builder approximation(boolean a) {
            this.approximation = a;
            return this;
        }

        /** Largest number of models the stepwise search may fit (default 94). */
        public Builder maxModels(int n) {
            if (n < 5) {
                throw new IllegalArgumentException("the stepwise search needs at least 5 models, was " + n);
            }
            this.nmodels = n;
            return this;
        }

        /** The optimiser (default R's BFGS settings). */
        public Builder optimizer(Bfgs o) {
            this.optimizer = Objects.requireNonNull(o, "optimizer");
            return this;
        }

        public ArimaForecaster build() {
            return new ArimaForecaster(this);
        }

        private static int nonNegative(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("orders must be non-negative, was " + v);
            }
            return v;
        }
    }
}
