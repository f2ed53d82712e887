package io.trendcast.core.decompose;

/**
 * Classical decomposition by moving averages, as R {@code stats::decompose} (Kendall &amp; Stuart 1983; Makridakis,
 * Wheelwright &amp; Hyndman 1998, ch. 3): the trend is the centred moving average of order {@code m} (a 2×m MA for
 * even {@code m}); the seasonal figure is the mean, per season position, of the detrended series ({@code x - trend}
 * or {@code x / trend}), normalised to sum to zero (additive) or to average one (multiplicative); the remainder is
 * what is left. Trend and remainder are {@code NaN} for the first and last {@code ⌊m/2⌋} points.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class ClassicalDecomposition {

    /** How the components combine. */
    public enum Type {
        /** {@code x = trend + seasonal + remainder}. */
        ADDITIVE,
        /** {@code x = trend × seasonal × remainder}. */
        MULTIPLICATIVE
    }

    private final Type type;
    private final int period;
    private final double[] trend;
    private final double[] seasonal;
    private final double[] remainder;
    private final double[] figure;

    private ClassicalDecomposition(Type type, int period, double[] trend, double[] seasonal, double[] remainder,
                                   double[] figure) {
        this.type = type;
        this.period = period;
        this.trend = trend;
        this.seasonal = seasonal;
        this.remainder = remainder;
        this.figure = figure;
    }

    /**
     * Decomposes {@code x} with seasonal period {@code m}.
     *
     * @throws IllegalArgumentException when {@code m < 2}, the series holds fewer than two full periods or a value
     *                                  is not finite
     */
    public static ClassicalDecomposition of(double[] x, int m, Type type) {
        int n = x.length;
        if (m < 2) {
            throw new IllegalArgumentException("a seasonal period of at least 2 is needed, was " + m);
        }
        if (n < 2 * m) {
            throw new IllegalArgumentException("decomposition needs at least two periods (" + 2 * m
                    + " values), got " + n);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("decomposition needs finite values, got " + v);
            }
        }
        boolean additive = type == Type.ADDITIVE;
        double[] trend = movingAverage(x, m);
        double[] figure = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            int count = 0;
            for (int t = i; t < n; t += m) {
                if (!Double.isNaN(trend[t])) {
                    sum += additive ? x[t] - trend[t] : x[t] / trend[t];
                    count++;
                }
            }
            figure[i] = count > 0 ? sum / count : Double.NaN;
        }
        double mean = 0;
        for (double f : figure) {
            mean += f;
        }
        mean /= m;
        for (int i = 0; i < m; i++) {
            figure[i] = additive ? figure[i] - mean : figure[i] / mean;
        }
        double[] seasonal = new double[n];
        double[] remainder = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = figure[t % m];
            remainder[t] = additive ? x[t] - seasonal[t] - trend[t] : x[t] / seasonal[t] / trend[t];
        }
        return new ClassicalDecomposition(type, m, trend, seasonal, remainder, figure);
    }

    /**
     * The centred moving average of order {@code m}: equal weights {@code 1/m} for odd {@code m}; for even
     * {@code m}, weights {@code 1/(2m)} at both ends and {@code 1/m} in between. {@code NaN} where the window
     * does not fit.
     */
    static double[] movingAverage(double[] x, int m) {
        int n = x.length;
        boolean even = m % 2 == 0;
        int half = m / 2;
        double[] trend = new double[n];
        for (int t = 0; t < n; t++) {
            if (t < half || t + half >= n) {
                trend[t] = Double.NaN;
                continue;
            }
            double sum = 0;
            if (even) {
                sum += 0.5 * (x[t - half] + x[t + half]);
                for (int j = t - half + 1; j < t + half; j++) {
                    sum += x[j];
                }
            } else {
                for (int j = t - half; j <= t + half; j++) {
                    sum += x[j];
                }
            }
            trend[t] = sum / m;
        }
        return trend;
    }

    /** The decomposition type. */
    public Type type() {
        return type;
    }

    /** The seasonal period. */
    public int period() {
        return period;
    }

    /** The trend-cycle, {@code NaN} at both ends. */
    public double[] trend() {
        return trend.clone();
    }

    /** The seasonal component, one value per observation. */
    public double[] seasonal() {
        return seasonal.clone();
    }

    /** The remainder, {@code NaN} where the trend is. */
    public double[] remainder() {
        return remainder.clone();
    }

    /** The seasonal figure: one normalised index per season position, starting at the first observation's. */
    public double[] figure() {
        return figure.clone();
    }

    /** The seasonally adjusted series: {@code x - seasonal} or {@code x / seasonal}. */
    public double[] adjust(double[] x) {
        double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            out[t] = type == Type.ADDITIVE ? x[t] - seasonal[t] : x[t] / seasonal[t];
        }
        return out;
    }

    /**
     * The seasonal component continued {@code horizon} steps past the end of the series of length {@code n} the
     * decomposition was computed on.
     */
    public double[] futureSeasonal(int horizon) {
        int n = seasonal.length;
        double[] out = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            out[j] = figure[(n + j) % period];
        }
        return out;
    }
}
