package io.trendcast.core.analysis;

import java.util.Arrays;

/**
 * Principal component analysis of standardised columns: the eigenvalues of their correlation matrix by cyclic
 * Jacobi rotations (Golub &amp; Van Loan, Matrix Computations, §8.5), as shares of the total variance.
 */
final class Pca {

    private Pca() {
    }

    /**
     * Variance explained by each component, largest first.
     *
     * @param x rows × columns; NaN cells are replaced by their column's mean; constant columns are dropped
     */
    static double[] varianceExplained(double[][] x) {
        int rows = x.length;
        int cols = rows == 0 ? 0 : x[0].length;
        double[] mean = new double[cols];
        double[] sd = new double[cols];
        int[] cnt = new int[cols];
        for (double[] r : x) {
            for (int j = 0; j < cols; j++) {
                if (Double.isFinite(r[j])) {
                    mean[j] += r[j];
                    cnt[j]++;
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] = cnt[j] > 0 ? mean[j] / cnt[j] : 0;
        }
        for (double[] r : x) {
            for (int j = 0; j < cols; j++) {
                double v = Double.isFinite(r[j]) ? r[j] - mean[j] : 0;
                sd[j] += v * v;
            }
        }
        int[] keep = new int[cols];
        int k = 0;
        for (int j = 0; j < cols; j++) {
            sd[j] = rows > 1 ? Math.sqrt(sd[j] / (rows - 1)) : 0;
            if (sd[j] > 1e-12) {
                keep[k++] = j;
            }
        }
        double[][] c = new double[k][k];
        for (double[] r : x) {
            for (int a = 0; a < k; a++) {
                int ja = keep[a];
                double va = Double.isFinite(r[ja]) ? (r[ja] - mean[ja]) / sd[ja] : 0;
                if (va == 0) {
                    continue;
                }
                for (int b = a; b < k; b++) {
                    int jb = keep[b];
                    double vb = Double.isFinite(r[jb]) ? (r[jb] - mean[jb]) / sd[jb] : 0;
                    c[a][b] += va * vb;
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                c[a][b] /= Math.max(1, rows - 1);
                c[b][a] = c[a][b];
            }
        }
        double[] ev = eigenvalues(c);
        double total = 0;
        for (double v : ev) {
            total += Math.max(0, v);
        }
        double[] out = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            out[i] = total > 0 ? Math.max(0, ev[ev.length - 1 - i]) / total : 0;
        }
        return out;
    }

    /** Eigenvalues of a symmetric matrix, ascending. */
    static double[] eigenvalues(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cs = 1 / Math.sqrt(t * t + 1);
                    double sn = t * cs;
                    for (int r = 0; r < n; r++) {
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = cs * arp - sn * arq;
                        a[r][q] = sn * arp + cs * arq;
                    }
                    for (int r = 0; r < n; r++) {
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = cs * apr - sn * aqr;
                        a[q][r] = sn * apr + cs * aqr;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        Arrays.sort(ev);
        return ev;
    }
}
