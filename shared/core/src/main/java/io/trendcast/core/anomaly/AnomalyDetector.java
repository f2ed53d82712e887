package io.trendcast.core.anomaly;

import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.insight.Anomaly.Kind;
import io.trendcast.core.series.TimeSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds anomalies in a sales history with robust rules measured against the series' own noise σ (1.4826 × MAD of
 * the residuals of a robust decomposition, {@link Decomposition}). The rules run in this order, each on the
 * series cleaned by the previous ones:
 * <ol>
 *   <li><b>stock-out</b>: a sudden run of {@code L} zeros (no zero in the {@code 2k} periods before it, so zeros
 *       that recur, such as a weekly closing day, are a pattern and not flagged) after at least one window of
 *       history, in a series that is not intermittent (less than {@value #INTERMITTENT_SHARE} zeros), where the
 *       median {@code m} of the {@code 2k} periods before makes the run improbable: {@code exp(−m·L) < 0.001}
 *       (Poisson) and {@code m ≥ 2σ};
 *   <li><b>level shift</b>: at {@code t}, the median of the {@code k} seasonally adjusted points from {@code t} differs
 *       from the median of the {@code k} before by at least {@value #SHIFT_SIGMAS} σ, the difference holds over
 *       three windows on each side (at least half of it), and the series is flat on both sides (the windows next to
 *       the two together move less than half as much), which tells a step from a steep trend; the largest jump in ± {@code k}
 *       points is kept;
 *   <li><b>spike</b> / <b>drop</b>: a residual from the local level (running median over {@code 2k+1} points of
 *       the seasonally adjusted series moved to its current level) beyond ± {@value #POINT_SIGMAS} σ.
 * </ol>
 * The window {@code k} is the season when it is between 4 and 31 periods, else 7. Intermittent series (many zeros)
 * and histories shorter than four windows are left as they are: their noise is not measurable this way.
 */
public final class AnomalyDetector {

    /** A series with at least this share of zeros is intermittent. */
    public static final double INTERMITTENT_SHARE = 0.3;
    /** Threshold of spikes and drops, in σ. */
    public static final double POINT_SIGMAS = 5;
    /** Threshold of a level shift's short-window jump, in σ. */
    public static final double SHIFT_SIGMAS = 4;
    private static final double STOCKOUT_LOG_P = Math.log(1e-3);
    private static final double STOCKOUT_SIGMAS = 2;

    /** Finds the anomalies of {@code series}, whose dates come from its frequency and start. */
    public AnomalyReport detect(TimeSeries series) {
        double[] y = series.values();
        int n = y.length;
        int k = window(series.season());
        List<Anomaly> found = new ArrayList<>();
        if (n < 4 * k || zeroShare(y) >= INTERMITTENT_SHARE) {
            double[] copy = y.clone();
            return new AnomalyReport(found, copy, copy.clone(), Decomposition.of(copy, series.season(), 2 * k + 1));
        }
        double[] work = y.clone();
        double sigma0 = Decomposition.of(y, series.season(), 2 * k + 1).sigma();
        boolean[] stockout = stockouts(series, y, k, sigma0, found);
        for (int t = 0; t < n; t++) {
            if (stockout[t]) {
                work[t] = Double.NaN;
            }
        }
        Decomposition first = Decomposition.of(work, series.season(), 2 * k + 1);
        double sigma = positive(first.sigma(), work);
        double[] adjusted = first.adjust(work);
        double[] shift = levelShifts(series, adjusted, k, sigma, found);
        double[] atLevel = new double[n];
        for (int t = 0; t < n; t++) {
            atLevel[t] = adjusted[t] + shift[t];
        }
        double[] level = nearestFinite(Robust.runningMedian(atLevel, 2 * k + 1));
        double[] forFitting = work.clone();
        for (int t = 0; t < n; t++) {
            double expected = level[t] - shift[t] + first.seasonal()[t];
            if (stockout[t]) {
                forFitting[t] = Math.max(0, expected);
                continue;
            }
            double r = (atLevel[t] - level[t]) / sigma;
            if (Math.abs(r) > POINT_SIGMAS) {
                Kind kind = r > 0 ? Kind.SPIKE : Kind.DROP;
                found.add(new Anomaly(date(series, t), date(series, t), kind, y[t], expected, Math.abs(r),
                        String.format(Locale.ROOT, "%s: %.1f σ %s the local level (threshold %.0f σ, σ = %.3g)",
                                kind.apiName(), Math.abs(r), r > 0 ? "above" : "below", POINT_SIGMAS, sigma)));
                forFitting[t] = expected + Math.signum(r) * POINT_SIGMAS * sigma;
            }
        }
        double[] fittedAtLevel = new double[n];
        for (int t = 0; t < n; t++) {
            fittedAtLevel[t] = forFitting[t] + shift[t];
        }
        found.sort((a, b) -> a.date().compareTo(b.date()));
        return new AnomalyReport(found, forFitting, fittedAtLevel,
                Decomposition.of(fittedAtLevel, series.season(), 2 * k + 1));
    }

    /**
     * {@code level} with each {@code NaN} (a window holding only stock-out days, as at the end of a series that
     * stopped selling for longer than the window) replaced by the nearest finite level, earlier first: the level
     * the stock-out interrupted.
     */
    private static double[] nearestFinite(double[] level) {
        double[] out = level.clone();
        double last = Double.NaN;
        for (int t = 0; t < out.length; t++) {
            if (Double.isNaN(out[t])) {
                out[t] = last;
            } else {
                last = out[t];
            }
        }
        double next = Double.NaN;
        for (int t = out.length - 1; t >= 0; t--) {
            if (Double.isNaN(out[t])) {
                out[t] = next;
            } else {
                next = out[t];
            }
        }
        return out;
    }

    /** The detection window for {@code season}. */
    public static int window(int season) {
        return season >= 4 && season <= 31 ? season : 7;
    }

    private static boolean[] stockouts(TimeSeries series, double[] y, int k, double sigma, List<Anomaly> found) {
        int n = y.length;
        boolean[] out = new boolean[n];
        int t = k;
        while (t < n) {
            if (y[t] != 0) {
                t++;
                continue;
            }
            int end = t;
            while (end + 1 < n && y[end + 1] == 0) {
                end++;
            }
            int length = end - t + 1;
            double m = Robust.median(y, t - 2 * k, t);
            if (sudden(y, t, 2 * k) && m > 0 && -m * length < STOCKOUT_LOG_P && m >= STOCKOUT_SIGMAS * sigma) {
                for (int i = t; i <= end; i++) {
                    out[i] = true;
                }
                found.add(new Anomaly(date(series, t), date(series, end), Kind.STOCKOUT, 0, m, m / sigma,
                        String.format(Locale.ROOT, "stockout: %d zero period(s) where the level before is %.3g "
                                + "(Poisson probability %.1g < 0.001, level %.1f σ ≥ %.0f σ)", length, m,
                                Math.exp(-m * length), m / sigma, STOCKOUT_SIGMAS)));
            }
            t = end + 1;
        }
        return out;
    }

    /**
     * Finds level shifts in {@code adjusted} and returns, per point, what moves it to the level after the last
     * shift (zero from the last shift on).
     */
    private static double[] levelShifts(TimeSeries series, double[] adjusted, int k, double sigma,
                                        List<Anomaly> found) {
        int n = adjusted.length;
        double[] jump = new double[n];
        boolean[] candidate = new boolean[n];
        for (int t = 2 * k; t + 2 * k <= n; t++) {
            double before = Robust.median(adjusted, t - k, t);
            double after = Robust.median(adjusted, t, t + k);
            jump[t] = after - before;
            if (Math.abs(jump[t]) < SHIFT_SIGMAS * sigma) {
                continue;
            }
            double longJump = Robust.median(adjusted, t, t + 3 * k) - Robust.median(adjusted, t - 3 * k, t);
            double next = Robust.median(adjusted, t + k, t + 2 * k) - after;
            double previous = before - Robust.median(adjusted, t - 2 * k, t - k);
            candidate[t] = Math.signum(longJump) == Math.signum(jump[t]) && Math.abs(longJump) >= 0.5
                    * Math.abs(jump[t]) && Math.abs(next) + Math.abs(previous) < 0.5 * Math.abs(jump[t]);
        }
        List<Integer> shifts = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (!candidate[t]) {
                continue;
            }
            boolean largest = true;
            for (int u = Math.max(0, t - k); u <= Math.min(n - 1, t + k) && largest; u++) {
                largest = u == t || Math.abs(jump[u]) < Math.abs(jump[t])
                        || (Math.abs(jump[u]) == Math.abs(jump[t]) && u > t);
            }
            if (largest) {
                shifts.add(locate(adjusted, t, k));
            }
        }
        double[] shift = new double[n];
        for (int t : shifts) {
            double before = Robust.median(adjusted, t - k, t);
            double after = Robust.median(adjusted, t, t + k);
            double size = after - before;
            found.add(new Anomaly(date(series, t), date(series, t), Kind.LEVEL_SHIFT, after, before,
                    Math.abs(size) / sigma, String.format(Locale.ROOT, "level_shift: the median of %d periods "
                            + "moved from %.3g to %.3g (%.1f σ ≥ %.0f σ) and stayed", k, before, after,
                            Math.abs(size) / sigma, SHIFT_SIGMAS)));
            for (int u = 0; u < t; u++) {
                shift[u] += size;
            }
        }
        return shift;
    }

    /**
     * The exact first point at the new level near {@code t}: the split of {@code [t − k, t + k)} that puts most
     * points on the right side of the midpoint between the two levels (a sign count, robust to outliers).
     */
    private static int locate(double[] x, int t, int k) {
        double before = Robust.median(x, t - k, t);
        double after = Robust.median(x, t, t + k);
        double mid = 0.5 * (before + after);
        double up = Math.signum(after - before);
        int from = Math.max(0, t - k);
        int to = Math.min(x.length, t + k);
        int best = t;
        int bestScore = Integer.MIN_VALUE;
        for (int b = from + 1; b < to; b++) {
            int score = 0;
            for (int u = from; u < to; u++) {
                if (Double.isFinite(x[u])) {
                    double side = up * Math.signum(x[u] - mid);
                    score += u < b ? (side < 0 ? 1 : 0) : (side > 0 ? 1 : 0);
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = b;
            }
        }
        return best;
    }

    /** Whether none of the {@code window} values before {@code t} is zero: zeros that recur are a pattern. */
    private static boolean sudden(double[] y, int t, int window) {
        for (int u = Math.max(0, t - window); u < t; u++) {
            if (y[u] == 0) {
                return false;
            }
        }
        return true;
    }

    private static double positive(double sigma, double[] y) {
        if (sigma > 0) {
            return sigma;
        }
        double scale = Math.abs(Robust.median(y));
        return scale > 0 ? 0.01 * scale : 1e-9;
    }

    private static double zeroShare(double[] y) {
        int zeros = 0;
        for (double v : y) {
            if (v == 0) {
                zeros++;
            }
        }
        return (double) zeros / y.length;
    }

    private static LocalDate date(TimeSeries series, int t) {
        return LocalDate.ofEpochDay(series.positionAt(t));
    }
}
