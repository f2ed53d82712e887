package io.trendcast.core.prepare;

import io.trendcast.core.series.TimeSeries;
import java.util.Objects;

/**
 * Fills missing values ({@code NaN}) of a regular series. Immutable; configure with {@link #builder()}.
 *
 * <p>With {@link Policy#INTERPOLATE} (the default) a run of at most {@code maxLinearGap} missing values is
 * interpolated linearly between its neighbours; a longer run in a seasonal series takes, for each missing point,
 * the mean of the nearest observed values whole seasons back and forward (either alone at the ends), which keeps
 * the seasonal shape that a straight line across a week or a month would erase; where no season has a value it
 * falls back to the straight line. Missing values before the first or after the last observation copy the same
 * season of a neighbouring cycle in seasonal series with long runs, otherwise the nearest observation.
 */
public final class GapFiller {

    /** What a missing value means. */
    public enum Policy {
        /** Unknown value: interpolate, linearly for short gaps and seasonally for long ones. */
        INTERPOLATE,
        /** Unknown value: always interpolate linearly. */
        LINEAR,
        /** No sale was recorded because none happened: a missing period is zero (sales data). */
        ZERO
    }

    private final Policy policy;
    private final int maxLinearGap;

    private GapFiller(Builder builder) {
        this.policy = builder.policy;
        this.maxLinearGap = builder.maxLinearGap;
    }

    /** Interpolation with the default maximum linear gap. */
    public static GapFiller defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Policy policy() {
        return policy;
    }

    public int maxLinearGap() {
        return maxLinearGap;
    }

    /** The series with its gaps filled, using the series' seasonal period. */
    public TimeSeries fill(TimeSeries series) {
        return series.withValues(fill(series.values(), series.season()));
    }

    /**
     * A copy of {@code x} with every {@code NaN} filled.
     *
     * @param season seasonal period (1 for none)
     * @throws IllegalArgumentException when no value is observed and the policy must interpolate
     */
    public double[] fill(double[] x, int season) {
        double[] out = x.clone();
        if (policy == Policy.ZERO) {
            for (int t = 0; t < out.length; t++) {
                if (Double.isNaN(out[t])) {
                    out[t] = 0;
                }
            }
            return out;
        }
        boolean any = false;
        for (double v : x) {
            any |= !Double.isNaN(v);
        }
        if (!any && x.length > 0) {
            throw new IllegalArgumentException("cannot interpolate a series with no observed value");
        }
        int t = 0;
        while (t < x.length) {
            if (!Double.isNaN(x[t])) {
                t++;
                continue;
            }
            int end = t;
            while (end < x.length && Double.isNaN(x[end])) {
                end++;
            }
            fillRun(x, out, t, end, season);
            t = end;
        }
        return out;
    }

    private void fillRun(double[] x, double[] out, int from, int to, int season) {
        boolean seasonal = season > 1 && policy == Policy.INTERPOLATE && to - from > maxLinearGap;
        boolean inside = from > 0 && to < x.length;
        for (int t = from; t < to; t++) {
            double value = seasonal ? seasonalNeighbours(x, t, season) : Double.NaN;
            if (Double.isNaN(value)) {
                value = inside ? x[from - 1] + (x[to] - x[from - 1]) * (t - from + 1) / (to - from + 1)
                        : nearest(x, from, to);
            }
            out[t] = value;
        }
    }

    private static double seasonalNeighbours(double[] x, int t, int season) {
        double back = Double.NaN;
        for (int s = t - season; s >= 0; s -= season) {
            if (!Double.isNaN(x[s])) {
                back = x[s];
                break;
            }
        }
        double forward = Double.NaN;
        for (int s = t + season; s < x.length; s += season) {
            if (!Double.isNaN(x[s])) {
                forward = x[s];
                break;
            }
        }
        if (Double.isNaN(back)) {
            return forward;
        }
        return Double.isNaN(forward) ? back : 0.5 * (back + forward);
    }

    private static double nearest(double[] x, int from, int to) {
        return from > 0 ? x[from - 1] : x[to];
    }

    /** Immutable configuration. */
    public static final class Builder {
        private Policy policy = Policy.INTERPOLATE;
        private int maxLinearGap = 3;

        private Builder() {
        }

        /** What a missing value means; default {@link Policy#INTERPOLATE}. */
        public Builder policy(Policy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** Longest run of missing values interpolated linearly in a seasonal series; default 3. */
        public Builder maxLinearGap(int gap) {
            if (gap < 0) {
                throw new IllegalArgumentException("maxLinearGap must not be negative, was " + gap);
            }
            this.maxLinearGap = gap;
            return this;
        }

        public GapFiller build() {
            return new GapFiller(this);
        }
    }
}
