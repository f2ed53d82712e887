package io.trendcast.core.select;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.stat.Normal;
import java.util.Arrays;

/**
 * Recalibrates prediction intervals from backtest errors.
 *
 * <p>Each backtest error is expressed in units of the model's own predictive standard deviation on its side of
 * the mean (read off the widest interval as half-width over the normal quantile). The empirical quantile of
 * those |z| at level L, divided by the normal quantile, is the factor that would have made the backtest
 * coverage exact (split conformal prediction with the model's width as normalising score; Vovk et al. 2005).
 * {@link AutoModel} shrinks its log towards 0 because a series has few backtest points.
 */
final class IntervalCalibrator {

    private IntervalCalibrator() {
    }

    /** Appends |z| of each step of {@code fold} against {@code actual} to {@code out} from {@code offset}. */
    static int standardisedErrors(Forecast fold, double[] actual, double[] out, int offset) {
        int k = fold.levels().length - 1;
        double z = Normal.quantile(0.5 + fold.levels()[k] / 200);
        int n = offset;
        for (int t = 0; t < fold.horizon(); t++) {
            double mean = fold.mean()[t];
            double y = actual[t];
            double half = y >= mean ? fold.upper()[k][t] - mean : mean - fold.lower()[k][t];
            double sd = half / z;
            double err = Math.abs(y - mean);
            if (sd > 1e-12 * Math.max(1, Math.abs(mean))) {
                out[n++] = err / sd;
            } else {
                out[n++] = err > 0 ? 1e6 : 0;
            }
        }
        return n;
    }

    /** Applies per-level factors to the half-widths, keeping wider levels' bounds outside narrower ones. */
    static Forecast apply(Forecast fc, double[] factors) {
        int nl = fc.levels().length;
        double[][] lo = new double[nl][];
        double[][] hi = new double[nl][];
        double[] mean = fc.mean();
        for (int k = 0; k < nl; k++) {
            lo[k] = new double[mean.length];
            hi[k] = new double[mean.length];
            for (int t = 0; t < mean.length; t++) {
                lo[k][t] = mean[t] - factors[k] * (mean[t] - fc.lower()[k][t]);
                hi[k][t] = mean[t] + factors[k] * (fc.upper()[k][t] - mean[t]);
                if (k > 0) {
                    lo[k][t] = Math.min(lo[k][t], lo[k - 1][t]);
                    hi[k][t] = Math.max(hi[k][t], hi[k - 1][t]);
                }
            }
        }
        return new Forecast(fc.model(), mean, fc.levels(), lo, hi);
    }

    /** Type-7 (R default) sample quantile of the first {@code n} values of a sorted array. */
    static double quantile(double[] sorted, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Sorted copy of the first {@code n} values. */
    static double[] sorted(double[] v, int n) {
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s;
    }
}
