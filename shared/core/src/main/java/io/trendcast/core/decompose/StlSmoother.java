package io.trendcast.core.decompose;

/**
 * The inner loop of STL (Fortran {@code stlstp}, {@code stlss}, {@code stlfts}, {@code stless}, {@code stlest}):
 * loess smoothing of each cycle-subseries, a low-pass filter of three moving averages followed by loess, and
 * loess smoothing of the deseasonalised series. Indices follow the Fortran, shifted to start at 0.
 */
final class StlSmoother {

    private final double[] y;
    private final int n;
    private final int np;
    private final int ns;
    private final int nt;
    private final int nl;
    private final int nsjump;
    private final int ntjump;
    private final int nljump;
    private final double[] w1;
    private final double[] w2;
    private final double[] w3;
    private final double[] w4;
    private final double[] w5;

    StlSmoother(double[] y, int np, int ns, int nt, int nl, int nsjump, int ntjump, int nljump) {
        this.y = y;
        this.n = y.length;
        this.np = np;
        this.ns = ns;
        this.nt = nt;
        this.nl = nl;
        this.nsjump = nsjump;
        this.ntjump = ntjump;
        this.nljump = nljump;
        int len = n + 2 * np;
        this.w1 = new double[len];
        this.w2 = new double[len];
        this.w3 = new double[len];
        this.w4 = new double[len];
        this.w5 = new double[len];
    }

    /** {@code ni} passes of the inner loop, updating {@code season} and {@code trend}. */
    void step(int ni, boolean userw, double[] rw, double[] season, double[] trend) {
        for (int j = 0; j < ni; j++) {
            for (int i = 0; i < n; i++) {
                w1[i] = y[i] - trend[i];
            }
            subseries(w1, userw, rw, w2);
            lowPass(w2, n + 2 * np, w3, w1);
            smooth(w3, n, nl, 1, nljump, false, w4, w1, w5);
            for (int i = 0; i < n; i++) {
                season[i] = w2[np + i] - w1[i];
            }
            for (int i = 0; i < n; i++) {
                w1[i] = y[i] - season[i];
            }
            smooth(w1, n, nt, 1, ntjump, userw, rw, trend, w3);
        }
    }

    /** Cycle-subseries smoothing, extended by one period at each end (Fortran {@code stlss}). */
    private void subseries(double[] yy, boolean userw, double[] rw, double[] seasonOut) {
        double[] sub = new double[n / np + 2];
        double[] subW = new double[n / np + 2];
        double[] out = new double[n / np + 3];
        double[] wts = new double[n / np + 2];
        for (int j = 0; j < np; j++) {
            int k = (n - j - 1) / np + 1;
            for (int i = 0; i < k; i++) {
                sub[i] = yy[i * np + j];
            }
            if (userw) {
                for (int i = 0; i < k; i++) {
                    subW[i] = rw[i * np + j];
                }
            }
            smooth(sub, k, ns, 0, nsjump, userw, subW, out, 1, wts);
            int nright = Math.min(ns, k);
            double v = estimate(sub, k, ns, 0, 0, 1, nright, wts, userw, subW);
            out[0] = Double.isNaN(v) ? out[1] : v;
            int nleft = Math.max(1, k - ns + 1);
            v = estimate(sub, k, ns, 0, k + 1, nleft, k, wts, userw, subW);
            out[k + 1] = Double.isNaN(v) ? out[k] : v;
            for (int m = 0; m < k + 2; m++) {
                seasonOut[m * np + j] = out[m];
            }
        }
    }

    /** Moving averages of lengths np, np, 3 (Fortran {@code stlfts}); {@code x} has length {@code len}. */
    private void lowPass(double[] x, int len, double[] out, double[] work) {
        movingAverage(x, len, np, out);
        movingAverage(out, len - np + 1, np, work);
        movingAverage(work, len - 2 * np + 2, 3, out);
    }

    private static void movingAverage(double[] x, int n, int len, double[] ave) {
        int newn = n - len + 1;
        double v = 0;
        for (int i = 0; i < len; i++) {
            v += x[i];
        }
        ave[0] = v / len;
        for (int j = 1, k = len, m = 0; j < newn; j++, k++, m++) {
            v = v - x[m] + x[k];
            ave[j] = v / len;
        }
    }

    private static void smooth(double[] yy, int len, int window, int deg, int jump, boolean userw, double[] rw,
                               double[] ys, double[] res) {
        smooth(yy, len, window, deg, jump, userw, rw, ys, 0, res);
    }

    /**
     * Loess at every {@code jump}-th point with linear interpolation between (Fortran {@code stless}); writes
     * {@code ys[yoff .. yoff + len)}.
     */
    private static void smooth(double[] yy, int len, int window, int deg, int jump, boolean userw, double[] rw,
                               double[] ys, int yoff, double[] res) {
        if (len < 2) {
            ys[yoff] = yy[0];
            return;
        }
        int newnj = Math.min(jump, len - 1);
        int nleft = 1;
        int nright = len;
        if (window >= len) {
            nleft = 1;
            nright = len;
            for (int i = 1; i <= len; i += newnj) {
                double v = estimate(yy, len, window, deg, i, nleft, nright, res, userw, rw);
                ys[yoff + i - 1] = Double.isNaN(v) ? yy[i - 1] : v;
            }
        } else if (newnj == 1) {
            int nsh = (window + 1) / 2;
            nleft = 1;
            nright = window;
            for (int i = 1; i <= len; i++) {
                if (i > nsh && nright != len) {
                    nleft++;
                    nright++;
                }
                double v = estimate(yy, len, window, deg, i, nleft, nright, res, userw, rw);
                ys[yoff + i - 1] = Double.isNaN(v) ? yy[i - 1] : v;
            }
        } else {
            int nsh = (window + 1) / 2;
            for (int i = 1; i <= len; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = window;
                } else if (i >= len - nsh + 1) {
                    nleft = len - window + 1;
                    nright = len;
                } else {
                    nleft = i - nsh + 1;
                    nright = window + i - nsh;
                }
                double v = estimate(yy, len, window, deg, i, nleft, nright, res, userw, rw);
                ys[yoff + i - 1] = Double.isNaN(v) ? yy[i - 1] : v;
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= len - newnj; i += newnj) {
                double delta = (ys[yoff + i + newnj - 1] - ys[yoff + i - 1]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[yoff + j - 1] = ys[yoff + i - 1] + delta * (j - i);
                }
            }
            int k = ((len - 1) / newnj) * newnj + 1;
            if (k != len) {
                double v = estimate(yy, len, window, deg, len, nleft, nright, res, userw, rw);
                ys[yoff + len - 1] = Double.isNaN(v) ? yy[len - 1] : v;
                if (k != len - 1) {
                    double delta = (ys[yoff + len - 1] - ys[yoff + k - 1]) / (len - k);
                    for (int j = k + 1; j <= len - 1; j++) {
                        ys[yoff + j - 1] = ys[yoff + k - 1] + delta * (j - k);
                    }
                }
            }
        }
    }

    /**
     * Local (tricube-weighted, degree 0 or 1) regression at abscissa {@code xs} on points {@code nleft..nright}
     * (1-based, Fortran {@code stlest}); NaN when all weights vanish.
     */
    private static double estimate(double[] yy, int n, int len, int ideg, double xs, int nleft, int nright,
                                   double[] w, boolean userw, double[] rw) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2;
        }
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0;
        for (int j = nleft; j <= nright; j++) {
            w[j - 1] = 0;
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j - 1] = 1;
                } else {
                    double u = r / h;
                    double c = 1 - u * u * u;
                    w[j - 1] = c * c * c;
                }
                if (userw) {
                    w[j - 1] *= rw[j - 1];
                }
                a += w[j - 1];
            }
        }
        if (a <= 0) {
            return Double.NaN;
        }
        for (int j = nleft; j <= nright; j++) {
            w[j - 1] /= a;
        }
        if (h > 0 && ideg > 0) {
            a = 0;
            for (int j = nleft; j <= nright; j++) {
                a += w[j - 1] * j;
            }
            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++) {
                c += w[j - 1] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) {
                    w[j - 1] *= b * (j - a) + 1;
                }
            }
        }
        double ys = 0;
        for (int j = nleft; j <= nright; j++) {
            ys += w[j - 1] * yy[j - 1];
        }
        return ys;
    }
}
