package io.trendcast.core.eval;

/** Accuracy measures, with the conventions of the M4 competition and the reference scorer. */
public final class Accuracy {

    private Accuracy() {
    }

    /**
     * The MASE scale: mean absolute seasonal difference {@code |y(t) - y(t-m)|} of the training data; lag 1 when
     * the series is not longer than one season. NaN values are skipped; 0 when no difference exists.
     */
    public static double maseScale(double[] y, int m) {
        int lag = y.length > m ? m : 1;
        double sum = 0;
        int count = 0;
        for (int t = lag; t < y.length; t++) {
            double d = y[t] - y[t - lag];
            if (!Double.isNaN(d)) {
                sum += Math.abs(d);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Mean absolute error of {@code forecast} against {@code actual} over their common length. */
    public static double mae(double[] actual, double[] forecast) {
        int n = Math.min(actual.length, forecast.length);
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += Math.abs(actual[t] - forecast[t]);
        }
        return s / n;
    }

    /** Symmetric MAPE in percent; a 0/0 term counts as 0. */
    public static double smape(double[] actual, double[] forecast) {
        int n = Math.min(actual.length, forecast.length);
        double s = 0;
        for (int t = 0; t < n; t++) {
            double den = Math.abs(actual[t]) + Math.abs(forecast[t]);
            if (den > 0) {
                s += 200 * Math.abs(actual[t] - forecast[t]) / den;
            }
        }
        return s / n;
    }

    /** Weighted absolute percentage error in percent: {@code Σ|y-f| / Σ|y|}. */
    public static double wape(double[] actual, double[] forecast) {
        int n = Math.min(actual.length, forecast.length);
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += Math.abs(actual[t] - forecast[t]);
            den += Math.abs(actual[t]);
        }
        return den > 0 ? 100 * num / den : (num > 0 ? Double.POSITIVE_INFINITY : 0);
    }
}
