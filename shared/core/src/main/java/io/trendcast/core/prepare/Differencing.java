package io.trendcast.core.prepare;

/**
 * Differencing at lag {@code lag}, applied {@code order} times ({@code (1 - B^lag)^order x}, R
 * {@code diff(x, lag, differences)}), and its inverse, which integrates forecasts of the differenced series back to
 * the original scale from the end of the history (Box &amp; Jenkins 1976).
 *
 * @param lag   the lag, at least 1 (1 for ordinary, {@code m} for seasonal differences)
 * @param order the number of times to difference, at least 0
 */
public record Differencing(int lag, int order) {

    public Differencing {
        if (lag < 1 || order < 0) {
            throw new IllegalArgumentException("lag must be at least 1 and order at least 0, were " + lag + ", "
                    + order);
        }
    }

    /**
     * The differenced series, {@code order · lag} values shorter.
     *
     * @throws IllegalArgumentException when the series is too short
     */
    public double[] apply(double[] x) {
        if (x.length < lag * order) {
            throw new IllegalArgumentException("differencing " + order + " times at lag " + lag + " needs at least "
                    + lag * order + " values, got " + x.length);
        }
        double[] out = x.clone();
        for (int d = 0; d < order; d++) {
            out = once(out);
        }
        return out;
    }

    /**
     * Integrates forecasts of the differenced series into forecasts of the original series that follow
     * {@code history}: the inverse of {@link #apply} continued past the end.
     *
     * @param history     the original (undifferenced) series the forecasts continue
     * @param differenced forecasts on the differenced scale for steps 1..h
     */
    public double[] integrate(double[] history, double[] differenced) {
        double[][] levels = new double[order][];
        double[] current = history.clone();
        for (int d = 0; d < order; d++) {
            levels[d] = current;
            current = once(current);
        }
        double[] out = differenced.clone();
        for (int d = order - 1; d >= 0; d--) {
            double[] base = levels[d];
            if (base.length < lag) {
                throw new IllegalArgumentException("history too short to integrate at lag " + lag);
            }
            double[] next = new double[out.length];
            for (int j = 0; j < out.length; j++) {
                double previous = j < lag ? base[base.length - lag + j] : next[j - lag];
                next[j] = out[j] + previous;
            }
            out = next;
        }
        return out;
    }

    private double[] once(double[] x) {
        if (x.length <= lag) {
            return new double[0];
        }
        double[] out = new double[x.length - lag];
        for (int t = 0; t < out.length; t++) {
            out[t] = x[t + lag] - x[t];
        }
        return out;
    }
}
