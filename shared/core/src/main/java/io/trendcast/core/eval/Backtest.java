package io.trendcast.core.eval;

import java.util.Arrays;

/**
 * The forecast origins of a rolling-origin evaluation: the last {@code folds} windows of {@code horizon} points,
 * each origin {@code step} periods after the previous one, each training part at least {@code minTrain} long.
 */
public final class Backtest {

    private Backtest() {
    }

    /**
     * Training lengths (ascending) for up to {@code folds} origins; fewer, possibly none, when the series is too
     * short. The last origin leaves exactly {@code horizon} points to evaluate.
     */
    public static int[] origins(int n, int horizon, int folds, int step, int minTrain) {
        int[] out = new int[folds];
        int k = 0;
        for (int f = 0; f < folds; f++) {
            int origin = n - horizon - f * step;
            if (origin < minTrain) {
                break;
            }
            out[k++] = origin;
        }
        int[] res = Arrays.copyOf(out, k);
        Arrays.sort(res);
        return res;
    }
}
