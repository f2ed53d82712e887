package io.trendcast.deep;

import io.trendcast.core.features.HolidayCalendar;
import java.util.Objects;

/**
 * Configuration of DeepAR; immutable, validated when built. Defaults are written on each setter of {@link Builder}.
 *
 * @param hiddenSize     LSTM state size
 * @param layers         stacked LSTM layers
 * @param embeddingSize  size of the learned series embedding (0: none)
 * @param contextLength  periods the network reads before the forecast origin (0: the horizon)
 * @param maxEpochs      upper bound on epochs (early stopping usually ends sooner)
 * @param minEpochs      epochs run before early stopping may end training; the epoch kept is never earlier
 * @param patience       epochs without a better validation loss before training stops
 * @param batchesPerEpoch batches per epoch
 * @param batchSize      training windows per batch
 * @param learningRate   Adam learning rate
 * @param samplePaths    sample paths per series for quantiles and intervals
 * @param seed           random seed: network initialisation, window sampling and sample paths (fits are reproducible)
 * @param threads        PyTorch intra-op threads (1 is steadiest on 2 cores)
 * @param holidays       festivals flagged as features
 * @param validate       whether to fit a second network without each series' last horizon and forecast it (the
 *                       backtest {@code auto} compares with local methods)
 * @param validationLength periods at the end of each series whose loss stops training early (0: the horizon, at most
 *                       an eighth of the longest series, at least 4)
 * @param members        networks in the ensemble: each trained from its own seed (initialisation and windows) for
 *                       the epochs early stopping chose, each drawing its share of the sample paths, which are pooled
 */
public record DeepArConfig(int hiddenSize, int layers, int embeddingSize, int contextLength, int maxEpochs,
                           int minEpochs, int patience, int batchesPerEpoch, int batchSize, double learningRate,
                           int samplePaths, long seed, int threads, HolidayCalendar holidays, boolean validate,
                           int validationLength, int members) {

    public DeepArConfig {
        Objects.requireNonNull(holidays, "holidays");
        if (hiddenSize < 1 || layers < 1 || embeddingSize < 0 || contextLength < 0 || validationLength < 0) {
            throw new IllegalArgumentException("hiddenSize and layers must be positive, embeddingSize and "
                    + "contextLength not negative");
        }
        if (maxEpochs < 1 || minEpochs < 0 || minEpochs > maxEpochs || patience < 1) {
            throw new IllegalArgumentException("need 1 <= maxEpochs, 0 <= minEpochs <= maxEpochs, patience >= 1");
        }
        if (batchesPerEpoch < 1 || batchSize < 1 || samplePaths < 2 || threads < 1) {
            throw new IllegalArgumentException("batchesPerEpoch, batchSize and threads must be positive and "
                    + "samplePaths at least 2");
        }
        if (members < 1 || members > samplePaths / 2) {
            throw new IllegalArgumentException("members must be 1..samplePaths / 2 (each draws at least 2 paths), got "
                    + members);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1)");
        }
    }

    /** The default of {@link Builder#minEpochs}; callers capping it at a smaller epoch budget use this. */
    public static final int DEFAULT_MIN_EPOCHS = 20;

    public static Builder builder() {
        return new Builder();
    }

    /** The context length used for a horizon: {@link #contextLength()}, or the horizon when that is 0. */
    public int contextFor(int horizon) {
        return contextLength > 0 ? contextLength : horizon;
    }

    /** The validation length for a horizon and the longest series ({@link #validationLength()}). */
    public int validationFor(int horizon, int longest) {
        return validationLength > 0 ? validationLength : Math.max(4, Math.min(horizon, longest / 8));
    }

    /** A copy with another number of epochs and no early stopping (the backtest fit and the refit on all data). */
    DeepArConfig fixedEpochs(int epochs) {
        return new DeepArConfig(hiddenSize, layers, embeddingSize, contextLength, epochs, epochs, patience,
                batchesPerEpoch, batchSize, learningRate, samplePaths, seed, threads, holidays, false,
                validationLength, members);
    }

    /**
     * Member {@code k} of the ensemble as a configuration of its own: seed {@code seed + 7919 k}, its share of the
     * sample paths (the shares add up to {@link #samplePaths()}), one member.
     */
    DeepArConfig member(int k) {
        if (k < 0 || k >= members) {
            throw new IllegalArgumentException("member " + k + " of " + members);
        }
        int paths = samplePaths / members + (k < samplePaths % members ? 1 : 0);
        return new DeepArConfig(hiddenSize, layers, embeddingSize, contextLength, maxEpochs, minEpochs, patience,
                batchesPerEpoch, batchSize, learningRate, paths, seed + 7919L * k, threads, holidays, validate,
                validationLength, 1);
    }

    /** Builder. */
    public static final class Builder {
        private int hiddenSize = 40;
        private int layers = 2;
        private int embeddingSize = 8;
        private int contextLength = 0;
        private int maxEpochs = 60;
        private int minEpochs = DEFAULT_MIN_EPOCHS;
        private int patience = 6;
        private int batchesPerEpoch = 50;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private int samplePaths = 100;
        private long seed = 42;
        private int threads = 1;
        private HolidayCalendar holidays = HolidayCalendar.forCountry("GLOBAL");
        private boolean validate = true;
        private int validationLength = 0;
        private int members = 1;

        /** Default 40 (DeepAR's default in GluonTS). */
        public Builder hiddenSize(int v) {
            hiddenSize = v;
            return this;
        }

        /** Default 2. */
        public Builder layers(int v) {
            layers = v;
            return this;
        }

        /** Default 8. */
        public Builder embeddingSize(int v) {
            embeddingSize = v;
            return this;
        }

        /** Default 0: the horizon. */
        public Builder contextLength(int v) {
            contextLength = v;
            return this;
        }

        /** Default 60. */
        public Builder maxEpochs(int v) {
            maxEpochs = v;
            return this;
        }

        /**
         * Default 20: with fewer, Walmart's network was kept barely trained (its validation window, the holiday
         * season, favoured the first epochs).
         */
        public Builder minEpochs(int v) {
            minEpochs = v;
            return this;
        }

        /** Default 6. */
        public Builder patience(int v) {
            patience = v;
            return this;
        }

        /** Default 50 (GluonTS's default). */
        public Builder batchesPerEpoch(int v) {
            batchesPerEpoch = v;
            return this;
        }

        /** Default 64. */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** Default 0.001. */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Default 100. */
        public Builder samplePaths(int v) {
            samplePaths = v;
            return this;
        }

        /** Default 42. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Default 1 (two threads on two shared cores made epochs swing tenfold, STACK-NOTES). */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Default every known festival ({@code GLOBAL}). */
        public Builder holidays(HolidayCalendar v) {
            holidays = v;
            return this;
        }

        /** Default true. */
        public Builder validate(boolean v) {
            validate = v;
            return this;
        }

        /** Default 0: the horizon, at most an eighth of the longest series, at least 4. */
        public Builder validationLength(int v) {
            validationLength = v;
            return this;
        }

        /** Default 1. */
        public Builder members(int v) {
            members = v;
            return this;
        }

        public DeepArConfig build() {
            return new DeepArConfig(hiddenSize, layers, embeddingSize, contextLength, maxEpochs, minEpochs, patience,
                    batchesPerEpoch, batchSize, learningRate, samplePaths, seed, threads, holidays, validate,
                    validationLength, members);
        }
    }
}
