package io.trendcast.core.trend;

/**
 * The least-squares broken-line fit {@code y = a + c·t + d·max(0, t − b)} over every break {@code b} at least
 * {@code margin} points from either end, keeping the break with the smallest sum of squared errors (a continuous
 * piecewise-linear "hinge", as in segmented regression, Muggeo 2003). {@code NaN} values are skipped.
 *
 * @param breakAt    the chosen break {@code b}, or {@code 0} when the series is too short for one
 * @param sseHinge   residual sum of squares of the hinge at {@code b}
 * @param sseLine    residual sum of squares of a single straight line
 * @param points     finite points used
 */
record HingeFit(int breakAt, double sseHinge, double sseLine, int points) {

    /** F statistic of the hinge against the straight line (two extra parameters: the break and the new slope). */
    double fStatistic() {
        if (points <= 4 || sseHinge <= 0) {
            return sseLine > sseHinge ? Double.POSITIVE_INFINITY : 0;
        }
        return (sseLine - sseHinge) / 2 / (sseHinge / (points - 4));
    }

    static HingeFit fit(double[] y, int margin) {
        int n = y.length;
        double sseLine = sse(y, -1);
        int best = 0;
        double bestSse = sseLine;
        for (int b = margin; b + margin <= n; b++) {
            double s = sse(y, b);
            if (s < bestSse) {
                bestSse = s;
                best = b;
            }
        }
        int finite = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        return new HingeFit(best, bestSse, sseLine, finite);
    }

    /** Residual sum of squares of the hinge at {@code b}, or of a straight line when {@code b < 0}. */
    private static double sse(double[] y, int b) {
        double[][] xtx = new double[3][3];
        double[] xty = new double[3];
        double yy = 0;
        double[] x = new double[3];
        for (int t = 0; t < y.length; t++) {
            if (!Double.isFinite(y[t])) {
                continue;
            }
            x[0] = 1;
            x[1] = t;
            x[2] = b < 0 ? 0 : Math.max(0, t - b);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    xtx[i][j] += x[i] * x[j];
                }
                xty[i] += x[i] * y[t];
            }
            yy += y[t] * y[t];
        }
        int dim = b < 0 ? 2 : 3;
        double[] beta = solve(xtx, xty, dim);
        if (beta == null) {
            return Double.POSITIVE_INFINITY;
        }
        double fitted = 0;
        for (int i = 0; i < dim; i++) {
            fitted += beta[i] * xty[i];
        }
        return Math.max(0, yy - fitted);
    }

    /** Ordinary least-squares slope of {@code y[from, n)} against time, and its t statistic. */
    static double[] slope(double[] y, int from) {
        double st = 0;
        double sy = 0;
        int m = 0;
        for (int t = from; t < y.length; t++) {
            if (Double.isFinite(y[t])) {
                st += t;
                sy += y[t];
                m++;
            }
        }
        if (m < 3) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tMean = st / m;
        double yMean = sy / m;
        double sxx = 0;
        double sxy = 0;
        for (int t = from; t < y.length; t++) {
            if (Double.isFinite(y[t])) {
                sxx += (t - tMean) * (t - tMean);
                sxy += (t - tMean) * (y[t] - yMean);
            }
        }
        double slope = sxy / sxx;
        double rss = 0;
        for (int t = from; t < y.length; t++) {
            if (Double.isFinite(y[t])) {
                double e = y[t] - yMean - slope * (t - tMean);
                rss += e * e;
            }
        }
        double se = Math.sqrt(rss / (m - 2) / sxx);
        return new double[] {slope, se > 0 ? slope / se : Math.copySign(Double.POSITIVE_INFINITY, slope)};
    }

    /** Solves the leading {@code dim × dim} system by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] rhs, int dim) {
        double[][] m = new double[dim][dim + 1];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(a[i], 0, m[i], 0, dim);
            m[i][dim] = rhs[i];
        }
        for (int c = 0; c < dim; c++) {
            int p = c;
            for (int r = c + 1; r < dim; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            if (Math.abs(m[p][c]) < 1e-12) {
                return null;
            }
            double[] tmp = m[c];
            m[c] = m[p];
            m[p] = tmp;
            for (int r = c + 1; r < dim; r++) {
                double f = m[r][c] / m[c][c];
                for (int j = c; j <= dim; j++) {
                    m[r][j] -= f * m[c][j];
                }
            }
        }
        double[] x = new double[dim];
        for (int r = dim - 1; r >= 0; r--) {
            double s = m[r][dim];
            for (int j = r + 1; j < dim; j++) {
                s -= m[r][j] * x[j];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
