package io.trendcast.core.model.naive;

import io.trendcast.core.decompose.ClassicalDecomposition;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.stat.Normal;
import io.trendcast.core.stat.SeasonalityTest;
import java.util.Locale;
import java.util.Objects;

/**
 * Naive2, the seasonally adjusted random walk that the M4 competition (Makridakis, Spiliotis &amp; Assimakopoulos
 * 2020) and the OWA measure use as reference: when the series is positive and passes the 90% autocorrelation test
 * at lag {@code m} ({@link SeasonalityTest#m4()}), it is divided by the seasonal component of a classical
 * multiplicative decomposition; the last adjusted value is forecast for every step and multiplied back by the last
 * season's indices. Intervals are those of the random walk on the adjusted series, {@code ± z σ sqrt(h)} with
 * {@code σ² = mean((Δx)²)}, multiplied by the same indices: as {@code naive2f} in the team's R peer script.
 */
public final class Naive2Forecaster implements Forecaster {

    private final SeasonalityTest seasonalityTest;

    private Naive2Forecaster(Builder builder) {
        this.seasonalityTest = builder.seasonalityTest;
    }

    /** The M4 benchmark. */
    public static Naive2Forecaster defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "naive2";
    }

    /**
     * @throws ModelException when the series has fewer than two values or a value that is not finite
     */
    @Override
    public FittedModel fit(TimeSeries series) {
        double[] x = series.values();
        int n = x.length;
        if (n < 2) {
            throw new ModelException("naive2 needs at least 2 observations, series " + series.id() + " has " + n);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ModelException("naive2 needs finite values; fill gaps in series " + series.id() + " first");
            }
        }
        int m = series.season();
        ClassicalDecomposition decomposition = null;
        if (allPositive(x) && seasonalityTest.isSeasonal(x, m)) {
            decomposition = ClassicalDecomposition.of(x, m, ClassicalDecomposition.Type.MULTIPLICATIVE);
        }
        double[] adjusted = decomposition == null ? x : decomposition.adjust(x);
        double sse = 0;
        for (int t = 1; t < n; t++) {
            double d = adjusted[t] - adjusted[t - 1];
            sse += d * d;
        }
        return new Model(adjusted[n - 1], Math.sqrt(sse / (n - 1)), decomposition);
    }

    private static boolean allPositive(double[] x) {
        for (double v : x) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    private record Model(double last, double sigma, ClassicalDecomposition decomposition) implements FittedModel {

        @Override
        public String description() {
            return decomposition == null ? "Naive2" : String.format(Locale.ROOT, "Naive2(seasonal m=%d)",
                    decomposition.period());
        }

        @Override
        public Forecast forecast(int horizon, double... levels) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
            }
            double[] lv = Forecast.checkLevels(levels);
            double[] index = decomposition == null ? null : decomposition.futureSeasonal(horizon);
            double[] mean = new double[horizon];
            double[][] lo = new double[lv.length][horizon];
            double[][] hi = new double[lv.length][horizon];
            for (int j = 0; j < horizon; j++) {
                double s = index == null ? 1 : index[j];
                mean[j] = last * s;
                double se = sigma * Math.sqrt(j + 1);
                for (int k = 0; k < lv.length; k++) {
                    double z = Normal.quantile(0.5 + lv[k] / 200);
                    lo[k][j] = (last - z * se) * s;
                    hi[k][j] = (last + z * se) * s;
                }
            }
            return new Forecast(description(), mean, lv, lo, hi);
        }
    }

    /** Immutable configuration; defaults reproduce the M4 benchmark. */
    public static final class Builder {
        private SeasonalityTest seasonalityTest = SeasonalityTest.m4();

        private Builder() {
        }

        /** The test deciding whether to adjust seasonally; default {@link SeasonalityTest#m4()}. */
        public Builder seasonalityTest(SeasonalityTest test) {
            this.seasonalityTest = Objects.requireNonNull(test, "test");
            return this;
        }

        public Naive2Forecaster build() {
            return new Naive2Forecaster(this);
        }
    }
}
