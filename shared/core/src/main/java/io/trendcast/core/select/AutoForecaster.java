package io.trendcast.core.select;

import io.trendcast.core.eval.Accuracy;
import io.trendcast.core.eval.Backtest;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.model.Refittable;
import io.trendcast.core.series.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The product's own method: per series, rolling-origin backtests over candidate methods and their combinations
 * choose the candidate with the lowest scaled error; its intervals are recalibrated from the backtest errors.
 *
 * <p>Every base method is first fitted to the whole series; a method that fails is skipped and reported, and only
 * "no method fits" is an error. Backtests re-estimate the structure chosen on the whole series (the ETS
 * components, the ARIMA orders) at each origin, which keeps {@code auto} within a few fits per method. Series
 * whose values are mostly zeros are forecast with the intermittent-demand methods instead. Series too short to
 * backtest get the configured default candidate with the model's own intervals.
 */
public final class AutoForecaster implements Forecaster {

    private final List<Forecaster> methods;
    private final List<Forecaster> intermittentMethods;
    private final List<Combination> combinations;
    private final String fallbackChoice;
    private final int folds;
    private final double intermittentZeroShare;
    private final double calibrationPrior;
    private final double maxCalibrationFactor;
    private final double preferCombinationMargin;
    private final boolean heldOutFold;

    private AutoForecaster(Builder b) {
        this.methods = List.copyOf(b.methods);
        this.intermittentMethods = List.copyOf(b.intermittentMethods);
        this.combinations = List.copyOf(b.combinations);
        this.fallbackChoice = b.fallbackChoice;
        this.folds = b.folds;
        this.intermittentZeroShare = b.intermittentZeroShare;
        this.calibrationPrior = b.calibrationPrior;
        this.maxCalibrationFactor = b.maxCalibrationFactor;
        this.preferCombinationMargin = b.preferCombinationMargin;
        this.heldOutFold = b.heldOutFold;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        return fit(series, defaultHorizon(series));
    }

    @Override
    public FittedModel fit(TimeSeries series, int horizon) {
        double[] y = series.values();
        if (y.length == 0) {
            throw new ModelException("series '" + series.id() + "' is empty");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new ModelException("series '" + series.id() + "' has missing values; fill gaps first");
            }
        }
        List<Forecaster> base = isIntermittent(y) ? intermittentMethods : methods;
        List<String> names = new ArrayList<>(base.size());
        for (Forecaster f : base) {
            names.add(f.name());
        }
        List<String> skipped = new ArrayList<>();
        FittedModel[] full = new FittedModel[base.size()];
        for (int i = 0; i < base.size(); i++) {
            try {
                full[i] = base.get(i).fit(series, horizon);
            } catch (RuntimeException e) {
                skipped.add(base.get(i).name() + ": " + e.getMessage());
            }
        }
        List<Candidate> candidates = candidates(names, full);
        if (candidates.isEmpty()) {
            throw new ModelException("no candidate method fits series '" + series.id() + "': " + skipped);
        }
        int n = y.length;
        int m = series.season();
        int step = Math.max(1, horizon / 2);
        int[] origins = Backtest.origins(n, horizon, folds, step, minTrain(n, m));
        if (origins.length == 0) {
            Candidate c = pick(candidates, fallbackChoice);
            return model(c, full, new double[0], null, new double[0], skipped);
        }
        Forecast[][] fold = backtest(series, base, full, origins, horizon, skipped);
        double scale = scale(y, m);
        Forecast[][] combined = new Forecast[candidates.size()][];
        for (int c = 0; c < candidates.size(); c++) {
            combined[c] = combine(candidates.get(c), fold, origins.length);
        }
        int best = choose(candidates, combined, y, origins, scale);
        if (best < 0) {
            Candidate c = pick(candidates, fallbackChoice);
            return model(c, full, new double[0], null, new double[0], skipped);
        }
        Forecast[] bestFolds = combined[best];
        double[] z = new double[origins.length * horizon];
        int nz = 0;
        for (int f = 0; f < origins.length; f++) {
            nz = IntervalCalibrator.standardisedErrors(bestFolds[f], actual(y, origins[f], horizon), z, nz);
        }
        double[] heldOut = heldOutFold
                ? heldOutFold(series, base, full, candidates, combined, fold, origins, horizon, step)
                : new double[0];
        return model(candidates.get(best), full, Arrays.copyOf(z, nz),
                summary(bestFolds, y, origins, scale), heldOut, skipped);
    }

    /**
     * The index of the candidate with the lowest scaled error over {@code origins} (combinations' errors reduced by
     * the preference margin), or -1 when no candidate has a finite error.
     */
    private int choose(List<Candidate> candidates, Forecast[][] combined, double[] y, int[] origins, double scale) {
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates.size(); c++) {
            double error = combined[c] == null ? Double.POSITIVE_INFINITY
                    : scaledError(combined[c], y, origins, scale);
            double score = error * (candidates.get(c).members().length > 1 ? 1 - preferCombinationMargin : 1);
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /**
     * The forecast of the series' last {@code horizon} periods by the candidate {@code auto} would have chosen
     * without them: the choice is made as {@code auto} fitted to the head (the series without those periods) makes
     * it, on the head's own backtest origins, scale and fallback, and that candidate's fold from origin
     * {@code n - horizon} is returned (empty when it has none). Folds at origins the main backtest already has are
     * reused; the others cost one fit per method and origin, and a method that fails there is left out of this
     * choice only. Unlike a true refit of {@code auto} on the head, the candidates, the structures the folds
     * re-estimate and the intermittent-demand test come from the whole series.
     */
    private double[] heldOutFold(TimeSeries series, List<Forecaster> base, FittedModel[] full,
                                 List<Candidate> candidates, Forecast[][] combined, Forecast[][] fold, int[] origins,
                                 int horizon, int step) {
        int n = series.length() - horizon;
        int m = series.season();
        int[] inner = Backtest.origins(n, horizon, folds, step, minTrain(n, m));
        int chosen = -1;
        if (inner.length > 0) {
            TimeSeries head = series.head(n);
            Forecast[][] innerFold = new Forecast[base.size()][];
            int[] missing = Arrays.stream(inner).filter(o -> indexOf(origins, o) < 0).toArray();
            Forecast[][] extra = backtest(head, base, full, missing, horizon, new ArrayList<>());
            for (int i = 0; i < base.size(); i++) {
                if (fold[i] == null || extra[i] == null) {
                    continue;
                }
                innerFold[i] = new Forecast[inner.length];
                for (int f = 0; f < inner.length; f++) {
                    int at = indexOf(origins, inner[f]);
                    innerFold[i][f] = at >= 0 ? fold[i][at] : extra[i][indexOf(missing, inner[f])];
                }
            }
            Forecast[][] innerCombined = new Forecast[candidates.size()][];
            for (int c = 0; c < candidates.size(); c++) {
                innerCombined[c] = combine(candidates.get(c), innerFold, inner.length);
            }
            chosen = choose(candidates, innerCombined, head.values(), inner, scale(head.values(), m));
        }
        if (chosen < 0) {
            chosen = candidates.indexOf(pick(candidates, fallbackChoice));
        }
        Forecast[] last = combined[chosen];
        return last == null ? new double[0] : last[last.length - 1].mean();
    }

    /** The shortest training part a backtest fold of a series of length {@code n} and season {@code m} may have. */
    private static int minTrain(int n, int m) {
        return Math.max(4, Math.min(2 * m + 2, n / 2));
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** The MASE scale of {@code y}, or its mean absolute value when that is zero. */
    private static double scale(double[] y, int m) {
        double scale = Accuracy.maseScale(y, m);
        return scale > 0 ? scale : Math.max(1e-9, meanAbs(y));
    }

    private boolean isIntermittent(double[] y) {
        if (intermittentMethods.isEmpty()) {
            return false;
        }
        int zeros = 0;
        for (double v : y) {
            if (v < 0) {
                return false;
            }
            if (v == 0) {
                zeros++;
            }
        }
        return zeros >= intermittentZeroShare * y.length && zeros < y.length;
    }

    private List<Candidate> candidates(List<String> names, FittedModel[] full) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (full[i] != null) {
                out.add(Candidate.single(names.get(i), i));
            }
        }
        for (Combination comb : combinations) {
            int[] idx = new int[comb.members().size()];
            boolean ok = true;
            for (int j = 0; j < idx.length && ok; j++) {
                idx[j] = names.indexOf(comb.members().get(j));
                ok = idx[j] >= 0 && full[idx[j]] != null;
            }
            if (ok) {
                out.add(Candidate.combination(comb.combiner(), names, idx));
            }
        }
        return out;
    }

    private static Candidate pick(List<Candidate> candidates, String preferred) {
        for (Candidate c : candidates) {
            if (c.name().equals(preferred)) {
                return c;
            }
        }
        Candidate widest = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.members().length > widest.members().length) {
                widest = c;
            }
        }
        return widest;
    }

    private static final double[] BACKTEST_LEVELS = {95};

    private Forecast[][] backtest(TimeSeries series, List<Forecaster> base, FittedModel[] full, int[] origins,
                                  int horizon, List<String> skipped) {
        Forecast[][] out = new Forecast[base.size()][];
        for (int i = 0; i < base.size(); i++) {
            if (full[i] == null) {
                continue;
            }
            Forecaster method = full[i] instanceof Refittable r ? r.sameStructure() : base.get(i);
            Forecast[] folds = new Forecast[origins.length];
            try {
                for (int f = 0; f < origins.length; f++) {
                    folds[f] = method.fit(series.head(origins[f]), horizon).forecast(horizon, BACKTEST_LEVELS);
                }
                out[i] = folds;
            } catch (RuntimeException e) {
                skipped.add(base.get(i).name() + " (backtest only): " + e.getMessage());
            }
        }
        return out;
    }

    private static Forecast[] combine(Candidate c, Forecast[][] fold, int nFolds) {
        int[] mem = c.members();
        for (int i : mem) {
            if (fold[i] == null) {
                return null;
            }
        }
        if (mem.length == 1) {
            return fold[mem[0]];
        }
        Forecast[] out = new Forecast[nFolds];
        for (int f = 0; f < nFolds; f++) {
            List<Forecast> parts = new ArrayList<>(mem.length);
            for (int i : mem) {
                parts.add(fold[i][f]);
            }
            out[f] = c.combiner().combine(c.name(), parts);
        }
        return out;
    }

    private static double scaledError(Forecast[] folds, double[] y, int[] origins, double scale) {
        double sum = 0;
        int count = 0;
        for (int f = 0; f < folds.length; f++) {
            double[] mean = folds[f].mean();
            for (int t = 0; t < mean.length; t++) {
                double e = Math.abs(y[origins[f] + t] - mean[t]);
                if (!Double.isFinite(e)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += e;
                count++;
            }
        }
        return sum / count / scale;
    }

    private static BacktestSummary summary(Forecast[] folds, double[] y, int[] origins, double scale) {
        double smape = 0;
        double absErr = 0;
        double absAct = 0;
        int count = 0;
        for (int f = 0; f < folds.length; f++) {
            double[] a = actual(y, origins[f], folds[f].horizon());
            smape += Accuracy.smape(a, folds[f].mean()) * a.length;
            for (int t = 0; t < a.length; t++) {
                absErr += Math.abs(a[t] - folds[f].mean()[t]);
                absAct += Math.abs(a[t]);
            }
            count += a.length;
        }
        double wape = absAct > 0 ? 100 * absErr / absAct : (absErr > 0 ? Double.POSITIVE_INFINITY : 0);
        return new BacktestSummary(folds.length, absErr / count / scale, smape / count, wape);
    }

    private static double[] actual(double[] y, int origin, int horizon) {
        double[] a = new double[horizon];
        System.arraycopy(y, origin, a, 0, horizon);
        return a;
    }

    private static double meanAbs(double[] y) {
        double s = 0;
        for (double v : y) {
            s += Math.abs(v);
        }
        return s / y.length;
    }

    private AutoModel model(Candidate c, FittedModel[] full, double[] backtestZ, BacktestSummary acc,
                            double[] heldOutFold, List<String> skipped) {
        List<FittedModel> members = new ArrayList<>();
        for (int i : c.members()) {
            members.add(full[i]);
        }
        return new AutoModel(c.name(), members, c.combiner(), backtestZ, calibrationPrior, maxCalibrationFactor,
                acc, heldOutFold, skipped);
    }

    private static int defaultHorizon(TimeSeries series) {
        int m = series.season();
        return m > 1 ? m : 6;
    }

    /**
     * A combination candidate.
     *
     * @param combiner how member forecasts combine
     * @param members  method names, each one of the base methods
     */
    public record Combination(Combiner combiner, List<String> members) {
        public Combination {
            members = List.copyOf(members);
            if (members.size() < 2) {
                throw new IllegalArgumentException("a combination needs at least two members");
            }
        }
    }

    /** Builder; defaults are the values documented on each setter. */
    public static final class Builder {
        private final List<Forecaster> methods = new ArrayList<>();
        private final List<Forecaster> intermittentMethods = new ArrayList<>();
        private final List<Combination> combinations = new ArrayList<>();
        private String fallbackChoice = "";
        private int folds = 3;
        private double intermittentZeroShare = 0.3;
        private double calibrationPrior = 10;
        private double maxCalibrationFactor = 3;
        private double preferCombinationMargin = 0.0;
        private boolean heldOutFold;

        /** Base methods for ordinary series. At least one is required. */
        public Builder methods(List<Forecaster> list) {
            methods.addAll(list);
            return this;
        }

        /** Methods for series that are mostly zeros (none: every series is treated as ordinary). */
        public Builder intermittentMethods(List<Forecaster> list) {
            intermittentMethods.addAll(list);
            return this;
        }

        /** Adds a combination of base methods by name. */
        public Builder combination(Combiner combiner, String... members) {
            combinations.add(new Combination(combiner, List.of(members)));
            return this;
        }

        /** Candidate used when a series is too short to backtest (default: the widest combination). */
        public Builder fallbackChoice(String name) {
            this.fallbackChoice = Objects.requireNonNull(name);
            return this;
        }

        /** Number of backtest origins (default 3). */
        public Builder folds(int n) {
            this.folds = n;
            return this;
        }

        /** Share of zeros from which a non-negative series is intermittent (default 0.3). */
        public Builder intermittentZeroShare(double share) {
            this.intermittentZeroShare = share;
            return this;
        }

        /** Pseudo-count of the shrinkage of interval calibration towards no change (default 10). */
        public Builder calibrationPrior(double prior) {
            this.calibrationPrior = prior;
            return this;
        }

        /** Largest factor by which calibration widens or narrows intervals (default 3). */
        public Builder maxCalibrationFactor(double max) {
            this.maxCalibrationFactor = max;
            return this;
        }

        /** Relative backtest-error advantage given to combinations over single methods (default 0). */
        public Builder preferCombinationMargin(double margin) {
            this.preferCombinationMargin = margin;
            return this;
        }

        /**
         * Whether each fit also gives {@link AutoModel#heldOutFold()}, the forecast of the last window by the
         * candidate chosen without it, for judging the local choice against other models out of sample (default
         * false: it costs up to {@code folds} more fits per method).
         */
        public Builder heldOutFold(boolean on) {
            this.heldOutFold = on;
            return this;
        }

        public AutoForecaster build() {
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("auto needs at least one base method");
            }
            if (folds < 1 || folds > 20) {
                throw new IllegalArgumentException("folds must be from 1 to 20, was " + folds);
            }
            if (!(intermittentZeroShare > 0 && intermittentZeroShare <= 1)) {
                throw new IllegalArgumentException("intermittentZeroShare must be in (0, 1]");
            }
            if (!(calibrationPrior >= 0) || !(maxCalibrationFactor >= 1)) {
                throw new IllegalArgumentException("calibrationPrior must be ≥ 0 and maxCalibrationFactor ≥ 1");
            }
            if (!(preferCombinationMargin >= 0 && preferCombinationMargin < 1)) {
                throw new IllegalArgumentException("preferCombinationMargin must be in [0, 1)");
            }
            return new AutoForecaster(this);
        }
    }
}
