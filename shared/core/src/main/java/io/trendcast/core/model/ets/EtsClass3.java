package io.trendcast.core.model.ets;

/**
 * Forecast means and variances of class 3 models — multiplicative errors and season with no or additive
 * (possibly damped) trend — by R's {@code class3} recursion (Hyndman et al. 2008, §6.5; Hyndman et al. 2005).
 * The level/trend block {@code M = x₁ x₂'} (x₁ the level [and trend], x₂ the seasons) and its covariance are
 * propagated in vectorised form with Kronecker products, exactly as R writes them:
 *
 * <pre>
 *   μ_h  = H₁ M_h H₂'
 *   v_h  = (1 + σ²) H₂₁ V_h H₂₁' + σ² μ_h²
 *   V_{h+1} = F₂₁ V F₂₁' + σ² (F₂₁ V G₂₁' + G₂₁ V F₂₁' + K (V + vec M vec M') K' + σ² G₂₁ (3V + 2 vec M vec M') G₂₁')
 *   M_{h+1} = F₁ M F₂' + σ² G₁ M G₂'
 * </pre>
 * with {@code F₂₁ = F₂ ⊗ F₁}, {@code G₂₁ = G₂ ⊗ G₁}, {@code H₂₁ = H₂ ⊗ H₁} and {@code K = G₂ ⊗ F₁ + F₂ ⊗ G₁}.
 * As in R, the damped model's F₁ damps only the trend row ({@code [[1, 1], [0, φ]]}).
 */
final class EtsClass3 {

    private EtsClass3() {
    }

    static EtsForecastIntervals.Moments moments(EtsModel model, int h) {
        EtsSpec spec = model.spec();
        EtsParameters par = model.parameters();
        double[] x = model.finalState();
        int m = model.period();
        int p = x.length;
        int d = spec.trend() == EtsComponent.NONE ? 1 : 2;
        double sigma2 = model.sigma2();
        double alpha = par.alpha();
        double[] h1 = d == 1 ? new double[] {1} : new double[] {1, 1};
        double[] h2 = new double[m];
        h2[m - 1] = 1;
        double[][] f1;
        double[][] g1;
        if (d == 1) {
            f1 = new double[][] {{1}};
            g1 = new double[][] {{alpha}};
        } else {
            f1 = new double[][] {{1, 1}, {0, spec.damped() ? par.phi() : 1}};
            g1 = new double[][] {{alpha, alpha}, {par.beta(), par.beta()}};
        }
        double[][] f2 = new double[m][m];
        f2[0][m - 1] = 1;
        for (int i = 1; i < m; i++) {
            f2[i][i - 1] = 1;
        }
        double[][] g2 = new double[m][m];
        g2[0][m - 1] = par.gamma();
        double[][] mh = new double[d][m];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < m; j++) {
                mh[i][j] = x[i] * x[p - m + j];
            }
        }
        int dm = d * m;
        double[][] vh = new double[dm][dm];
        double[] h21 = kron(new double[][] {h2}, new double[][] {h1})[0];
        double[][] f21 = kron(f2, f1);
        double[][] g21 = kron(g2, g1);
        double[][] k = add(kron(g2, f1), kron(f2, g1));
        double[][] f21t = transpose(f21);
        double[][] g21t = transpose(g21);
        double[][] kt = transpose(k);
        double[][] f2t = transpose(f2);
        double[][] g2t = transpose(g2);
        double[] mu = new double[h];
        double[] var = new double[h];
        for (int i = 0; i < h; i++) {
            mu[i] = dot(h1, mul(mh, h2));
            var[i] = (1 + sigma2) * dot(h21, mul(vh, h21)) + sigma2 * mu[i] * mu[i];
            double[] vec = new double[dm];
            for (int c = 0; c < m; c++) {
                for (int r = 0; r < d; r++) {
                    vec[c * d + r] = mh[r][c];
                }
            }
            double[][] vv = outer(vec);
            double[][] inner = add(
                    add(mul(mul(f21, vh), g21t), mul(mul(g21, vh), f21t)),
                    add(mul(mul(k, add(vh, vv)), kt),
                            scale(mul(mul(g21, add(scale(vh, 3), scale(vv, 2))), g21t), sigma2)));
            vh = add(mul(mul(f21, vh), f21t), scale(inner, sigma2));
            mh = add(mul(mul(f1, mh), f2t), scale(mul(mul(g1, mh), g2t), sigma2));
        }
        return new EtsForecastIntervals.Moments(mu, var, null);
    }

    private static double[][] kron(double[][] a, double[][] b) {
        int ar = a.length;
        int ac = a[0].length;
        int br = b.length;
        int bc = b[0].length;
        double[][] out = new double[ar * br][ac * bc];
        for (int i = 0; i < ar; i++) {
            for (int j = 0; j < ac; j++) {
                double v = a[i][j];
                if (v != 0) {
                    for (int r = 0; r < br; r++) {
                        for (int c = 0; c < bc; c++) {
                            out[i * br + r][j * bc + c] = v * b[r][c];
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int cols = b[0].length;
        double[][] out = new double[n][cols];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            for (int k = 0; k < inner; k++) {
                double v = a[i][k];
                if (v != 0) {
                    double[] bk = b[k];
                    for (int j = 0; j < cols; j++) {
                        oi[j] += v * bk[j];
                    }
                }
            }
        }
        return out;
    }

    private static double[] mul(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + b[i][j];
            }
        }
        return out;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] * s;
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] outer(double[] v) {
        double[][] out = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i][j] = v[i] * v[j];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
