package io.trendcast.core.model.intermittent;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;
import java.util.Locale;
import java.util.Objects;

/**
 * The TSB method of Teunter, Syntetos &amp; Babai (2011): the probability of a sale is smoothed every period
 * ({@code π ← π + β(1{y>0} - π)}) and the demand size only when a sale occurs ({@code z ← z + α(y - z)}); the
 * forecast is {@code π z}. Unlike Croston's method it is unbiased and lets the forecast decay towards zero when an
 * item stops selling (obsolescence). Initial values are the sample proportion of periods with a sale and the mean
 * non-zero demand (R {@code tsintermittent::tsb}, {@code init = "mean"}). By default both parameters are chosen to
 * minimise the in-sample mean squared one-step error, as {@code tsintermittent} does.
 *
 * <p>A series without sales forecasts zero. Intervals come from {@link DemandDistribution} with sale probability
 * {@code π}.
 */
public final class TsbForecaster implements Forecaster {

    private final Smoothing smoothing;

    private TsbForecaster(Builder builder) {
        this.smoothing = builder.smoothing;
    }

    /** TSB with optimised parameters. */
    public static TsbForecaster defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "tsb";
    }

    public Smoothing smoothing() {
        return smoothing;
    }

    /**
     * @throws ModelException when the series is empty or holds negative or non-finite values
     */
    @Override
    public FittedModel fit(TimeSeries series) {
        DemandHistory history = DemandHistory.of(series, name());
        if (history.demands() == 0) {
            return new IntermittentModel("TSB(no demand)", 0, new DemandDistribution(0, 0, history.sizes()));
        }
        double alpha = smoothing.size();
        double beta = smoothing.second();
        if (smoothing.optimise()) {
            double[] best = PairMinimiser.minimise((a, b) -> run(history, a, b)[2], Smoothing.LOWER,
                    Smoothing.UPPER);
            alpha = best[0];
            beta = best[1];
        }
        double[] state = run(history, alpha, beta);
        String description = String.format(Locale.ROOT, "TSB(alpha=%.4f, beta=%.4f)", alpha, beta);
        return new IntermittentModel(description, state[0] * state[1],
                new DemandDistribution(state[0], state[1], history.sizes()));
    }

    /** Runs the recursions: returns {@code {π, z, mean squared one-step error}}. */
    static double[] run(DemandHistory h, double alpha, double beta) {
        double[] x = h.values();
        double probability = (double) h.demands() / x.length;
        double size = 0;
        for (double s : h.sizes()) {
            size += s;
        }
        size /= h.demands();
        double sse = 0;
        for (double v : x) {
            double e = v - probability * size;
            sse += e * e;
            if (v > 0) {
                probability += beta * (1 - probability);
                size += alpha * (v - size);
            } else {
                probability -= beta * probability;
            }
        }
        return new double[] {probability, size, sse / x.length};
    }

    /** Immutable configuration; default optimised parameters. */
    public static final class Builder {
        private Smoothing smoothing = Smoothing.optimised();

        private Builder() {
        }

        /**
         * Fixed ({@code size} = α for the demand size, {@code second} = β for the probability) or optimised
         * parameters; default optimised.
         */
        public Builder smoothing(Smoothing s) {
            this.smoothing = Objects.requireNonNull(s, "smoothing");
            return this;
        }

        public TsbForecaster build() {
            return new TsbForecaster(this);
        }
    }
}
