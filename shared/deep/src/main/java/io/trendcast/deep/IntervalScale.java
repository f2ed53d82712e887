package io.trendcast.deep;

import io.trendcast.core.stat.Normal;
import java.util.Arrays;

/**
 * Split-conformal widening (or narrowing) of DeepAR's sample intervals, from its out-of-sample backtest. Each backtest
 * point's error is measured in units of the network's own spread on that side of the median (the half-width of the
 * central 95% of the backtest paths over the normal's 1.96), as in normalised conformal prediction (Vovk et al.
 * 2005); a level's interval is the sample interval with its half-widths multiplied by the level's quantile of those
 * standardised errors (finite-sample rank {@code ceil((n + 1) p)}) over the normal quantile. Sample intervals alone
 * covered 58% and 78% of Walmart's holdout at 80% and 95%: a network trained to the training windows' noise is
 * surer of itself than the future warrants. The errors are kept as a table of quantiles, so any level can be asked
 * for later and the artifact stays small. Immutable.
 */
final class IntervalScale {

    /** Quantiles kept: probabilities {@code i / GRID}. */
    static final int GRID = 1000;
    private static final double Z95 = Normal.quantile(0.975);

    private final double[] table;
    private final int points;

    private IntervalScale(double[] table, int points) {
        this.table = table;
        this.points = points;
    }

    /** No backtest: the sample intervals as they are. */
    static IntervalScale none() {
        return new IntervalScale(new double[0], 0);
    }

    /** Rebuilt from {@link #table()} and {@link #points()} (the artifact). */
    static IntervalScale of(double[] table, int points) {
        if (table.length != 0 && table.length != GRID + 1) {
            throw new DeepArException("interval table of " + table.length + " entries, expected " + (GRID + 1));
        }
        return new IntervalScale(table.clone(), points);
    }

    /**
     * From the backtest: {@code actual[s][k]} against {@code sorted[s][k]}, the sorted sample paths of series
     * {@code s} at step {@code k}; missing actuals (NaN) and series without a backtest ({@code null}) are skipped.
     */
    static IntervalScale fit(double[][] actual, float[][][] sorted) {
        double[] z = new double[64];
        int n = 0;
        for (int s = 0; s < actual.length; s++) {
            if (actual[s] == null || sorted[s] == null) {
                continue;
            }
            for (int k = 0; k < actual[s].length; k++) {
                double y = actual[s][k];
                float[] paths = sorted[s][k];
                double med = DeepArModel.quantile(paths, 0.5);
                if (!Double.isFinite(y) || !Double.isFinite(med)) {
                    continue;
                }
                double half = y >= med ? DeepArModel.quantile(paths, 0.975) - med
                        : med - DeepArModel.quantile(paths, 0.025);
                double err = Math.abs(y - med);
                double sd = half / Z95;
                double v = sd > 1e-9 * Math.max(1, Math.abs(med)) ? err / sd : (err > 0 ? 1e6 : 0);
                if (n == z.length) {
                    z = Arrays.copyOf(z, 2 * n);
                }
                z[n++] = v;
            }
        }
        if (n == 0) {
            return none();
        }
        Arrays.sort(z, 0, n);
        double[] table = new double[GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            int rank = (int) Math.ceil((n + 1) * (i / (double) GRID));
            table[i] = z[Math.max(0, Math.min(n, rank) - 1)];
        }
        return new IntervalScale(table, n);
    }

    /** The half-width multiplier of a {@code level}% interval (1 without a backtest). */
    double factor(double level) {
        if (table.length == 0) {
            return 1;
        }
        double p = level / 100 * GRID;
        int i = (int) Math.floor(p);
        double zq = i >= GRID ? table[GRID] : table[i] + (p - i) * (table[i + 1] - table[i]);
        return zq / Normal.quantile(0.5 + level / 200);
    }

    double[] table() {
        return table.clone();
    }

    /** Backtest points the table was built from (0: none). */
    int points() {
        return points;
    }
}
