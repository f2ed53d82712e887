package io.trendcast.ml;

import io.trendcast.core.features.HolidayCalendar;
import java.util.Objects;

/**
 * Configuration of the global model; immutable, validated when built. Defaults are written on each setter.
 *
 * @param learner     the Tribuo learner
 * @param strategy    how the horizon is forecast
 * @param trees       boosting rounds (XGBoost) or epochs (linear)
 * @param maxDepth    tree depth
 * @param eta         learning rate
 * @param subsample   row subsample per tree
 * @param threads     XGBoost threads
 * @param seed        random seed (fits are reproducible)
 * @param holidays    festivals flagged as features
 * @param calibrate   whether to refit without the last horizon for conformal intervals and backtest forecasts
 */
public record GlobalConfig(Learner learner, Strategy strategy, int trees, int maxDepth, double eta, double subsample,
                           int threads, long seed, HolidayCalendar holidays, boolean calibrate) {

    /** The Tribuo learner. */
    public enum Learner {
        /** {@code tribuo-regression-xgboost} gradient-boosted trees (histogram method). */
        XGBOOST,
        /** {@code tribuo-regression-sgd} linear regression on standardised features (AdaGrad, squared loss). */
        LINEAR
    }

    /** How the horizon is forecast. */
    public enum Strategy {
        /** One-step model; each forecast feeds the next step's lags. */
        RECURSIVE,
        /** Features read only the history before the forecast origin (lags ≥ horizon); one pass for all steps. */
        DIRECT,
        /**
         * Both are fitted on the calibration backtest (each series without its last horizon) and the one with the
         * lower error over the group's series, each scaled, is refitted on everything; without calibration,
         * {@link #RECURSIVE}.
         */
        AUTO
    }

    public GlobalConfig {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(holidays, "holidays");
        if (trees < 1 || maxDepth < 1 || threads < 1) {
            throw new IllegalArgumentException("trees, maxDepth and threads must be positive");
        }
        if (!(eta > 0 && eta <= 1) || !(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("eta and subsample must be in (0, 1]");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy with another learner. */
    public GlobalConfig withLearner(Learner other) {
        return new GlobalConfig(other, strategy, trees, maxDepth, eta, subsample, threads, seed, holidays, calibrate);
    }

    /** A copy with another strategy. */
    public GlobalConfig withStrategy(Strategy other) {
        return new GlobalConfig(learner, other, trees, maxDepth, eta, subsample, threads, seed, holidays, calibrate);
    }

    /** A copy with calibration on or off. */
    public GlobalConfig withCalibrate(boolean on) {
        return new GlobalConfig(learner, strategy, trees, maxDepth, eta, subsample, threads, seed, holidays, on);
    }

    /** Builder. */
    public static final class Builder {
        private Learner learner = Learner.XGBOOST;
        private Strategy strategy = Strategy.RECURSIVE;
        private int trees = 100;
        private int maxDepth = 6;
        private double eta = 0.1;
        private double subsample = 0.8;
        private int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        private long seed = 42;
        private HolidayCalendar holidays = HolidayCalendar.forCountry("GLOBAL");
        private boolean calibrate = true;

        /** Default XGBOOST. */
        public Builder learner(Learner v) {
            learner = v;
            return this;
        }

        /** Default RECURSIVE (measured better than DIRECT and AUTO on Walmart, than DIRECT on the bakery: README). */
        public Builder strategy(Strategy v) {
            strategy = v;
            return this;
        }

        /** Default 100. */
        public Builder trees(int v) {
            trees = v;
            return this;
        }

        /** Default 6. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Default 0.1. */
        public Builder eta(double v) {
            eta = v;
            return this;
        }

        /** Default 0.8. */
        public Builder subsample(double v) {
            subsample = v;
            return this;
        }

        /** Default min(2, processors). */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Default 42. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Default every known festival ({@code GLOBAL}). */
        public Builder holidays(HolidayCalendar v) {
            holidays = v;
            return this;
        }

        /** Default true. */
        public Builder calibrate(boolean v) {
            calibrate = v;
            return this;
        }

        public GlobalConfig build() {
            return new GlobalConfig(learner, strategy, trees, maxDepth, eta, subsample, threads, seed, holidays,
                    calibrate);
        }
    }
}
