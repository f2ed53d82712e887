package io.trendcast.core.model.theta;

import io.trendcast.core.decompose.ClassicalDecomposition;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.stat.SeasonalityTest;
import java.util.Objects;

/**
 * The Theta method (Assimakopoulos &amp; Nikolopoulos 2000) exactly as R {@code forecast::thetaf} 8.20 computes it,
 * using the simple-exponential-smoothing-with-drift form of Hyndman &amp; Billah (2003):
 * <ol>
 *   <li>test for seasonality at lag {@code m} ({@link SeasonalityTest#thetaf()} by default); if seasonal, divide
 *       the series by the seasonal component of a classical multiplicative decomposition;</li>
 *   <li>fit simple exponential smoothing to the adjusted series ({@link SimpleExponentialSmoothing});</li>
 *   <li>add the drift {@code b/2 · (j + (1 - (1 - α)^n) / α)} at step {@code j + 1}, where {@code b} is the
 *       least-squares slope of the adjusted series on time;</li>
 *   <li>multiply by the last season's indices;</li>
 *   <li>intervals {@code mean ± z σ sqrt(1 + j α²)}, {@code σ²} of the exponential smoothing model, around the
 *       reseasonalised mean and not rescaled, as {@code thetaf} does.</li>
 * </ol>
 * As in R, when a seasonal index is below 1e-4 (a season position that never sells) the series is fitted
 * unadjusted but the forecasts are still multiplied by the indices. Where R's arithmetic breaks down this
 * deviates: a series with a negative value, or whose indices are not finite (a zero trend), is treated as
 * non-seasonal. Positive series, such as all of M3, are treated exactly as in R.
 */
public final class ThetaForecaster implements Forecaster {

    private static final double MIN_INDEX = 1e-4;

    private final SeasonalityTest seasonalityTest;

    private ThetaForecaster(Builder builder) {
        this.seasonalityTest = builder.seasonalityTest;
    }

    /** The method as R {@code thetaf}. */
    public static ThetaForecaster defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "theta";
    }

    /** The seasonality test deciding whether to adjust. */
    public SeasonalityTest seasonalityTest() {
        return seasonalityTest;
    }

    /**
     * @throws ModelException when the series has fewer than two values or a value that is not finite
     */
    @Override
    public FittedModel fit(TimeSeries series) {
        double[] x = series.values();
        int n = x.length;
        if (n < 2) {
            throw new ModelException("theta needs at least 2 observations, series " + series.id() + " has " + n);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ModelException("theta needs finite values; fill gaps in series " + series.id() + " first");
            }
        }
        int m = series.season();
        ClassicalDecomposition decomposition = seasonalDecomposition(x, m);
        double[] adjusted = decomposition == null || !adjustable(decomposition) ? x : decomposition.adjust(x);
        SimpleExponentialSmoothing ses = SimpleExponentialSmoothing.fit(adjusted);
        double drift = slope(adjusted) / 2;
        return new ThetaModel(ses, drift, n, decomposition);
    }

    private ClassicalDecomposition seasonalDecomposition(double[] x, int m) {
        if (!seasonalityTest.isSeasonal(x, m)) {
            return null;
        }
        for (double v : x) {
            if (v < 0) {
                return null;
            }
        }
        ClassicalDecomposition d = ClassicalDecomposition.of(x, m, ClassicalDecomposition.Type.MULTIPLICATIVE);
        for (double s : d.figure()) {
            if (!Double.isFinite(s)) {
                return null;
            }
        }
        return d;
    }

    /** Whether the indices are far enough from zero to divide by ({@code thetaf}'s 1e-4 check). */
    private static boolean adjustable(ClassicalDecomposition d) {
        for (double s : d.figure()) {
            if (Math.abs(s) < MIN_INDEX) {
                return false;
            }
        }
        return true;
    }

    /** Least-squares slope of {@code x} on {@code 0..n-1} (R {@code lsfit(0:(n-1), x)}). */
    static double slope(double[] x) {
        int n = x.length;
        double tMean = (n - 1) / 2.0;
        double xMean = 0;
        for (double v : x) {
            xMean += v;
        }
        xMean /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            double dt = t - tMean;
            sxy += dt * (x[t] - xMean);
            sxx += dt * dt;
        }
        return sxy / sxx;
    }

    /** Immutable configuration; defaults reproduce R {@code thetaf}. */
    public static final class Builder {
        private SeasonalityTest seasonalityTest = SeasonalityTest.thetaf();

        private Builder() {
        }

        /** The test deciding whether to adjust seasonally; default {@link SeasonalityTest#thetaf()}. */
        public Builder seasonalityTest(SeasonalityTest test) {
            this.seasonalityTest = Objects.requireNonNull(test, "test");
            return this;
        }

        public ThetaForecaster build() {
            return new ThetaForecaster(this);
        }
    }
}
