package io.trendcast.core.select;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.stat.Quantiles;
import java.util.Arrays;
import java.util.List;

/**
 * Interval widths for a mean of forecasts. {@link Combiner#MEAN} averages the members' bounds, so the mean keeps
 * their average width; but its errors are smaller than theirs whenever their errors are not perfectly correlated, so
 * it covers more than they do (on Walmart the mean of the Tribuo trees and DeepAR covered 93% of the holdout at 80%
 * where each alone covered 89-90%). This narrows the mean's intervals by what its backtest shows.
 *
 * <p>Over every comparable series of a group, each backtest error is put in units of the forecast's own half-width
 * at that step, level and side (normalised conformal scores, as in {@link IntervalCalibrator}), for the mean and for
 * each member. A level's factor is the mean's quantile of those scores at that level over the members' average
 * quantile: the mean is then as calibrated on the backtest window as its members are, no more and no less (it does
 * not correct the members themselves). Measured on all series of the group, not only those that choose the mean, so
 * the choice's own optimism does not leak in. It never widens (factor at most 1); points where a member or the mean
 * has a zero-width interval are left out, and with fewer than {@value #MIN_POINTS} backtest points left it leaves the
 * intervals as they are.
 */
public final class MeanCalibration {

    /** Backtest points below which the factor is 1. */
    public static final int MIN_POINTS = 50;

    private MeanCalibration() {
    }

    /**
     * One series' part: its backtest observations, the members' forecasts (equal levels) and their forecasts of the
     * backtest window ({@code backtests.get(i)} belongs to {@code forecasts.get(i)}).
     */
    public record Sample(double[] actual, List<Forecast> forecasts, List<double[]> backtests) {
    }

    /** The half-width factor of each level of the members' forecasts (in their order). */
    public static double[] factors(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new double[0];
        }
        double[] levels = samples.get(0).forecasts().get(0).levels();
        int members = samples.get(0).forecasts().size();
        int capacity = 0;
        for (Sample s : samples) {
            capacity += steps(s);
        }
        double[] factors = new double[levels.length];
        Arrays.fill(factors, 1);
        if (capacity < MIN_POINTS) {
            return factors;
        }
        List<Forecast> combined = samples.stream().map(s -> Combiner.MEAN.combine("mean", s.forecasts())).toList();
        for (int k = 0; k < levels.length; k++) {
            double[] mean = new double[capacity];
            double[][] each = new double[members][capacity];
            int n = 0;
            for (int j = 0; j < samples.size(); j++) {
                Sample s = samples.get(j);
                int h = steps(s);
                for (int t = 0; t < h; t++) {
                    double y = s.actual()[t];
                    double m = 0;
                    boolean usable = Double.isFinite(y);
                    for (int i = 0; i < members && usable; i++) {
                        double b = s.backtests().get(i)[t];
                        each[i][n] = score(s.forecasts().get(i), k, t, y, b);
                        usable = Double.isFinite(each[i][n]);
                        m += b;
                    }
                    if (usable) {
                        mean[n] = score(combined.get(j), k, t, y, m / members);
                        n += Double.isFinite(mean[n]) ? 1 : 0;
                    }
                }
            }
            if (n < MIN_POINTS) {
                continue;
            }
            double p = levels[k] / 100;
            double memberQuantile = 0;
            for (double[] e : each) {
                memberQuantile += Quantiles.type7(Arrays.copyOf(e, n), p);
            }
            memberQuantile /= members;
            if (memberQuantile > 0 && Double.isFinite(memberQuantile)) {
                double f = Quantiles.type7(Arrays.copyOf(mean, n), p) / memberQuantile;
                factors[k] = Double.isFinite(f) ? Math.min(1, f) : 1;
            }
        }
        return factors;
    }

    /**
     * The mean of {@code members} ({@link Combiner#MEAN}) with its half-widths multiplied by {@code factors} (from
     * {@link #factors}; empty: as averaged).
     */
    public static Forecast mean(String model, List<Forecast> members, double[] factors) {
        Forecast mean = Combiner.MEAN.combine(model, members);
        return factors.length == 0 ? mean : IntervalCalibrator.apply(mean, factors);
    }

    private static int steps(Sample s) {
        int h = s.actual().length;
        for (int i = 0; i < s.forecasts().size(); i++) {
            h = Math.min(h, Math.min(s.forecasts().get(i).horizon(), s.backtests().get(i).length));
        }
        return h;
    }

    /**
     * |y - b| over the forecast's half-width at step {@code t} and level index {@code k}, on the error's side; NaN
     * where that half-width is zero (a point forecast says nothing about how wide a mean should be).
     */
    private static double score(Forecast fc, int k, int t, double y, double b) {
        double mean = fc.mean()[t];
        double half = y >= b ? fc.upper()[k][t] - mean : mean - fc.lower()[k][t];
        if (half > 1e-12 * Math.max(1, Math.abs(mean))) {
            return Math.abs(y - b) / half;
        }
        return Double.NaN;
    }
}
