package io.trendcast.core.trend;

/**
 * The least-squares broken-line fit {@code y = a + c·t + d·max(0, t − b)} over every break {@code b} at least
 * {@code margin} points from either end, keeping the break with the smallest sum of squared errors (a continuous
 * piecewise-linear "hinge", as in segmented regression, Muggeo 2003). {@code NaN} values are skipped. Each break
 * costs O(1): the hinge's sums come from suffix sums of 1, t, t², y and t·y.
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
        // suffix sums over finite points t >= i of 1, t, t², y, t·y: the hinge's sums for break b come from them
        double[] c = new double[n + 1];
        double[] st = new double[n + 1];
        double[] stt = new double[n + 1];
        double[] sy = new double[n + 1];
        double[] sty = new double[n + 1];
        double yy = 0;
        for (int t = n - 1; t >= 0; t--) {
            boolean finite = Double.isFinite(y[t]);
            double v = finite ? y[t] : 0;
            c[t] = c[t + 1] + (finite ? 1 : 0);
            st[t] = st[t + 1] + (finite ? t : 0);
            stt[t] = stt[t + 1] + (finite ? (double) t * t : 0);
            sy[t] = sy[t + 1] + v;
            sty[t] = sty[t + 1] + t * v;
            yy += v * v;
        }
        double[][] xtx = {{c[0], st[0], 0}, {st[0], stt[0], 0}, {0, 0, 0}};
        double[] xty = {sy[0], sty[0], 0};
        double sseLine = sse(xtx, xty, yy, 2);
        int best = 0;
        double bestSse = sseLine;
        for (int b = margin; b + margin <= n; b++) {
            int from = b + 1;
            double h = st[from] - b * c[from];
            double hh = stt[from] - 2.0 * b * st[from] + (double) b * b * c[from];
            double th = stt[from] - b * st[from];
            double hy = sty[from] - b * sy[from];
            xtx[0][2] = h;
            xtx[2][0] = h;
            xtx[1][2] = th;
            xtx[2][1] = th;
            xtx[2][2] = hh;
            xty[2] = hy;
            double s = sse(xtx, xty, yy, 3);
            if (s < bestSse) {
                bestSse = s;
                best = b;
            }
        }
        return new HingeFit(best, bestSse, sseLine, (int) c[0]);
    }

    /** Residual sum of squares of the least-squares fit with the leading {@code dim} regressors. */
    private static double sse(double[][] xtx, double[] xty, double yy, int dim) {
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
