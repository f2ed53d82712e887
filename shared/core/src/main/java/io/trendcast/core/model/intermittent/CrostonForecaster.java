package io.trendcast.core.model.intermittent;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;
import java.util.Locale;
import java.util.Objects;

/**
 * Croston's (1972) method for intermittent demand and its bias-corrected variant SBA (Syntetos &amp; Boylan 2005).
 * Non-zero demand sizes {@code z} and the intervals {@code p} between them are smoothed separately by simple
 * exponential smoothing, each started at its first value (as R {@code forecast::croston}); the forecast per period
 * is {@code z/p}, multiplied by {@code 1 - β/2} for SBA, {@code β} being the interval's smoothing parameter.
 * With the default fixed parameter 0.1 the point forecasts equal R's {@code croston(x, alpha = 0.1)}.
 *
 * <p>A series without sales forecasts zero; one with a single sale forecasts its size over its position, as R does.
 * Intervals come from {@link DemandDistribution} with sale probability {@code 1/p}.
 */
public final class CrostonForecaster implements Forecaster {

    /** Which estimator of the demand rate. */
    public enum Variant {
        /** Croston (1972): {@code z/p}, biased upwards (Syntetos &amp; Boylan 2001). */
        CLASSIC("croston"),
        /** Syntetos &amp; Boylan (2005): {@code (1 - β/2) z/p}. */
        SBA("sba");

        private final String methodName;

        Variant(String methodName) {
            this.methodName = methodName;
        }
    }

    private final Variant variant;
    private final Smoothing smoothing;

    private CrostonForecaster(Builder builder) {
        this.variant = builder.variant;
        this.smoothing = builder.smoothing;
    }

    /** Croston's method with R's default parameter 0.1. */
    public static CrostonForecaster croston() {
        return builder().build();
    }

    /** SBA with parameter 0.1. */
    public static CrostonForecaster sba() {
        return builder().variant(Variant.SBA).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return variant.methodName;
    }

    public Variant variant() {
        return variant;
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
        double sizeAlpha = smoothing.size();
        double intervalAlpha = smoothing.second();
        if (smoothing.optimise()) {
            double[] best = PairMinimiser.minimise((a, b) -> meanSquaredError(history, a, b), Smoothing.LOWER,
                    Smoothing.UPPER);
            sizeAlpha = best[0];
            intervalAlpha = best[1];
        }
        double[] state = finalState(history, sizeAlpha, intervalAlpha);
        double size = state[0];
        double interval = state[1];
        double rate = history.demands() == 0 ? 0 : size / interval;
        if (variant == Variant.SBA) {
            rate *= 1 - intervalAlpha / 2;
        }
        String description = String.format(Locale.ROOT, "%s(alpha=%.4f, %.4f)",
                variant == Variant.SBA ? "SBA" : "Croston", sizeAlpha, intervalAlpha);
        double probability = history.demands() == 0 ? 0 : 1 / interval;
        return new IntermittentModel(description, rate, new DemandDistribution(probability, size,
                history.sizes()));
    }

    /** Smoothed size and interval after all demands: {@code {z, p}}. */
    static double[] finalState(DemandHistory h, double sizeAlpha, double intervalAlpha) {
        double[] z = h.sizes();
        double[] p = h.intervals();
        if (z.length == 0) {
            return new double[] {0, 1};
        }
        double size = z[0];
        double interval = p[0];
        for (int i = 1; i < z.length; i++) {
            size += sizeAlpha * (z[i] - size);
            interval += intervalAlpha * (p[i] - interval);
        }
        return new double[] {size, interval};
    }

    /**
     * Mean squared one-step error of the in-sample forecasts, each made from the data up to the period before (as R
     * {@code croston}'s fitted values); periods before the first demand forecast zero.
     */
    private double meanSquaredError(DemandHistory h, double sizeAlpha, double intervalAlpha) {
        double[] x = h.values();
        double factor = variant == Variant.SBA ? 1 - intervalAlpha / 2 : 1;
        double size = 0;
        double interval = 1;
        double forecast = 0;
        boolean started = false;
        int last = -1;
        double sse = 0;
        for (int t = 0; t < x.length; t++) {
            if (t > 0) {
                double e = x[t] - forecast;
                sse += e * e;
            }
            if (x[t] > 0) {
                double gap = t - last;
                last = t;
                if (started) {
                    size += sizeAlpha * (x[t] - size);
                    interval += intervalAlpha * (gap - interval);
                } else {
                    size = x[t];
                    interval = gap;
                    started = true;
                }
                forecast = factor * size / interval;
            }
        }
        return x.length > 1 ? sse / (x.length - 1) : 0;
    }

    /** Immutable configuration; defaults are classic Croston with R's fixed parameter 0.1. */
    public static final class Builder {
        private Variant variant = Variant.CLASSIC;
        private Smoothing smoothing = Smoothing.fixed(Smoothing.R_DEFAULT);

        private Builder() {
        }

        /** Classic Croston or SBA; default {@link Variant#CLASSIC}. */
        public Builder variant(Variant v) {
            this.variant = Objects.requireNonNull(v, "variant");
            return this;
        }

        /** Fixed or optimised parameters; default fixed 0.1 for both. */
        public Builder smoothing(Smoothing s) {
            this.smoothing = Objects.requireNonNull(s, "smoothing");
            return this;
        }

        public CrostonForecaster build() {
            return new CrostonForecaster(this);
        }
    }
}
