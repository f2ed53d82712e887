package io.trendcast.core.stat;

/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt &amp; Shin 1992) as computed by
 * {@code urca::ur.kpss(type = "mu")}: residuals from the mean, partial sums, and a Newey–West long-run variance
 * with Bartlett weights. P-values interpolate linearly in the table of critical values (0.347, 0.463, 0.574, 0.739
 * at 10, 5, 2.5 and 1 per cent), clamped to [0.01, 0.10], as {@code forecast::ndiffs} does.
 */
public final class Kpss {

    private static final double[] CRITICAL = {0.347, 0.463, 0.574, 0.739};
    private static final double[] LEVELS = {0.10, 0.05, 0.025, 0.01};

    private Kpss() {
    }

    /** The lag {@code forecast::ndiffs} passes to {@code ur.kpss}: {@code trunc(3·√n / 13)}. */
    public static int ndiffsLag(int n) {
        return (int) (3 * Math.sqrt(n) / 13);
    }

    /** urca's "short" lag {@code trunc(4·(n/100)^0.25)}. */
    public static int shortLag(int n) {
        return (int) (4 * Math.pow(n / 100.0, 0.25));
    }

    /** The level-stationarity statistic η_μ with Bartlett lag truncation {@code lag}. */
    public static double statistic(double[] y, int lag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] e = new double[n];
        double s = 0;
        double num = 0;
        double s2 = 0;
        for (int t = 0; t < n; t++) {
            e[t] = y[t] - mean;
            s += e[t];
            num += s * s;
            s2 += e[t] * e[t];
        }
        num /= (double) n * n;
        s2 /= n;
        double lrv = s2;
        for (int l = 1; l <= lag; l++) {
            double cov = 0;
            for (int t = l; t < n; t++) {
                cov += e[t] * e[t - l];
            }
            lrv += 2.0 / n * (1 - l / (lag + 1.0)) * cov;
        }
        return num / lrv;
    }

    /** Interpolated p-value of a level statistic, clamped to [0.01, 0.10] (R's {@code approx(rule = 2)}). */
    public static double pValue(double statistic) {
        if (Double.isNaN(statistic)) {
            return Double.NaN;
        }
        if (statistic <= CRITICAL[0]) {
            return LEVELS[0];
        }
        for (int i = 1; i < CRITICAL.length; i++) {
            if (statistic <= CRITICAL[i]) {
                double f = (statistic - CRITICAL[i - 1]) / (CRITICAL[i] - CRITICAL[i - 1]);
                return LEVELS[i - 1] + f * (LEVELS[i] - LEVELS[i - 1]);
            }
        }
        return LEVELS[LEVELS.length - 1];
    }
}
