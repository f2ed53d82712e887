package io.trendcast.core.candidate;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.select.GlobalSelection;
import io.trendcast.core.select.MeanCalibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses one forecast per series of a shard from its local results and the global models' results present so far.
 *
 * <p>Each global source is judged against the local choice over the shard: the sum, over the series both have a
 * backtest for, of each series' mean absolute error on its last window divided by the series' mean absolute value. With
 * two or more global sources their mean is judged as one more source, on the series every one of them forecast (its
 * backtest the mean of theirs, its intervals the averaged bounds narrowed by {@link MeanCalibration}): on Walmart the
 * mean of the Tribuo model and DeepAR beat each of them alone; when it serves, a series that one source left out takes
 * the best single source instead, if that one also beats the local choice. The source with the lowest sum competes when
 * that sum is below the local one; then {@link GlobalSelection#choose} decides per series between the local choice,
 * that source and their mean (a series leaves the source only for a candidate 20% better on its own window). Without a
 * winning source every series keeps its local forecast. The local source's backtest should be out of sample as the
 * global ones are: the train function gives {@code auto}'s held-out fold
 * ({@link io.trendcast.core.select.AutoModel#heldOutFold()}), not the last fold of the backtest that chose the
 * local method, which on Walmart understated the local error enough to keep every shard local.
 *
 * <p>The group decision can also be the run's: given each source's {@link #groupErrors} summed over every shard of
 * the run, {@link #select(CandidateResults, List, Map)} decides on those sums and leaves the per-series rule as is.
 * {@link Selection#completeness()} is the number of sources the selection saw; a served forecast is replaced only by
 * a selection of at least the same {@link Selection#rank()} (same dataset version): more sources, then run-wide.
 */
public final class CandidateSelection {

    /** The Tribuo global model's source name, whose mean with the local choice keeps its established name. */
    private static final String TRIBUO = "tribuo";

    private CandidateSelection() {
    }

    /**
     * One series' served choice.
     *
     * @param series   the encoded series key
     * @param forecast the forecast to serve (its {@code model} names the choice)
     * @param source   {@value CandidateResults#LOCAL}, a global source, {@code tribuo+deepar} for the mean of global
     *                 sources, or {@code local+source} for the mean of the local choice and a source
     * @param mase     backtest MASE of the choice ({@code NaN}: unknown)
     * @param wape     backtest WAPE of the choice in percent ({@code NaN}: unknown)
     */
    public record Choice(String series, Forecast forecast, String source, double mase, double wape) {
    }

    /**
     * The selection of a shard.
     *
     * @param choices      one per local series, in the local results' order
     * @param completeness sources seen (1 = local only)
     * @param runWide      whether the group decision was the run's (errors summed over all its shards) rather than
     *                     the shard's own
     * @param winner       the global source (or {@code a+b}: their mean) that served the group, or {@code null} when
     *                     local won
     * @param groupErrors  summed scaled backtest error of each source ({@value CandidateResults#LOCAL} against the
     *                     winner's series, or the series of the source closest to winning) over the group that
     *                     decided, for the log and the tests
     */
    public record Selection(List<Choice> choices, int completeness, boolean runWide, String winner,
                            Map<String, Double> groupErrors) {

        /**
         * The order in which selections of one dataset version replace each other's served forecasts: more sources
         * first, then a decision over the whole run before one over the shard alone (2 × sources, plus 1 when
         * run-wide; the local models' own first answer ranks 1).
         */
        public int rank() {
            return rank(completeness, runWide);
        }

        /** {@link #rank()} of a selection over {@code completeness} sources, run-wide or not. */
        public static int rank(int completeness, boolean runWide) {
            return 2 * completeness + (runWide ? 1 : 0);
        }
    }

    /**
     * Selects over {@code local} and {@code globals} (each for the same run, part, horizon and levels), the group
     * decision made on this shard alone.
     *
     * @throws IllegalArgumentException when the results do not belong together
     */
    public static Selection select(CandidateResults local, List<CandidateResults> globals) {
        return select(local, globals, null);
    }

    /**
     * Each source's summed scaled backtest errors over this shard, as {@code {local, source}}: the local choice's
     * and the source's, over the series the source forecast with a backtest (with two or more global sources, their
     * mean too, as {@code a+b}). Sums of these over the shards of a run are what {@link #select(CandidateResults,
     * List, Map)} decides a run-wide group by.
     */
    public static Map<String, double[]> groupErrors(CandidateResults local, List<CandidateResults> globals) {
        Map<String, SeriesCandidate> localBySeries = index(local.series());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Source g : sources(local, globals)) {
            out.put(g.name(), groupErrors(localBySeries, g.bySeries().values()));
        }
        return out;
    }

    /**
     * Selects over {@code local} and {@code globals} as {@link #select(CandidateResults, List)} does, except that
     * when {@code runErrors} is given (each source's {@link #groupErrors} summed over every shard of the run), the
     * group decision (which source serves, the local choice or none) is made on those sums; the per-series rule is
     * unchanged. One shard's 200 series on one window are a noisy judge of a choice that holds for the whole run.
     */
    public static Selection select(CandidateResults local, List<CandidateResults> globals,
                                   Map<String, double[]> runErrors) {
        Map<String, SeriesCandidate> localBySeries = index(local.series());
        List<Source> sources = sources(local, globals);
        Map<String, Double> errors = new LinkedHashMap<>();
        Source best = null;
        double bestRatio = Double.POSITIVE_INFINITY;
        double bestLocal = Double.NaN;
        Source bestSingle = null;
        double bestSingleRatio = 1;
        for (int i = 0; i < sources.size(); i++) {
            Source g = sources.get(i);
            double[] sums = runErrors == null ? groupErrors(localBySeries, g.bySeries().values())
                    : runErrors.getOrDefault(g.name(), new double[] {0, Double.POSITIVE_INFINITY});
            errors.put(g.name(), sums[1]);
            double ratio = sums[0] > 0 ? sums[1] / sums[0] : Double.POSITIVE_INFINITY;
            if (ratio < bestRatio) {
                bestRatio = ratio;
                best = g;
                bestLocal = sums[0];
            }
            if (i < globals.size() && ratio < bestSingleRatio) {
                bestSingleRatio = ratio;
                bestSingle = g;
            }
        }
        if (best != null) {
            errors.put(CandidateResults.LOCAL, bestLocal); // against the closest source, winner or not
        }
        if (bestRatio >= 1) {
            best = null; // a source serves only when it beats the local choice
        }
        boolean runWide = runErrors != null;
        List<Choice> choices = new ArrayList<>(local.series().size());
        if (best == null) {
            for (SeriesCandidate c : local.series()) {
                choices.add(new Choice(c.series(), c.forecast(local.levels()), CandidateResults.LOCAL, c.mase(),
                        c.wape()));
            }
            return new Selection(choices, 1 + globals.size(), runWide, null, errors);
        }
        // when the mean of the sources serves, a series one source left out gets the best single source instead
        List<GlobalSelection.Candidates> all = new ArrayList<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (SeriesCandidate c : local.series()) {
            SeriesCandidate g = best.bySeries().get(c.series());
            sourceOf.put(c.series(), best.name());
            if (g == null && bestSingle != null && bestSingle != best) {
                g = bestSingle.bySeries().get(c.series());
                sourceOf.put(c.series(), bestSingle.name());
            }
            all.add(candidates(c, g, local.levels()));
        }
        Map<String, Forecast> chosen = runWide ? GlobalSelection.choose(all, true) : GlobalSelection.choose(all);
        for (GlobalSelection.Candidates c : all) {
            choices.add(choice(c, chosen.get(c.id()), localBySeries.get(c.id()), sourceOf.get(c.id())));
        }
        return new Selection(choices, 1 + globals.size(), runWide, best.name(), errors);
    }

    /** The global sources by series, checked against {@code local}, with their mean when there are two or more. */
    private static List<Source> sources(CandidateResults local, List<CandidateResults> globals) {
        if (!local.isLocal()) {
            throw new IllegalArgumentException("first results must be local, were " + local.source());
        }
        for (CandidateResults g : globals) {
            requireMatching(local, g);
        }
        List<Source> sources = new ArrayList<>();
        for (CandidateResults g : globals) {
            sources.add(new Source(g.source(), index(g.series())));
        }
        if (sources.size() >= 2) {
            sources.add(meanOf(sources, local.levels()));
        }
        return sources;
    }

    /** A global source's results by series. */
    private record Source(String name, Map<String, SeriesCandidate> bySeries) {
    }

    /**
     * The mean of every global source ({@code a+b}) over the series each of them forecast with a backtest of one
     * length: the mean of their forecasts (bounds averaged, then narrowed by {@link MeanCalibration} over those
     * series) and of their backtests.
     */
    private static Source meanOf(List<Source> sources, double[] levels) {
        String name = String.join("+", sources.stream().map(Source::name).toList());
        String model = "mean(" + String.join(",", sources.stream().map(Source::name).toList()) + ")";
        List<List<SeriesCandidate>> rows = new ArrayList<>();
        for (SeriesCandidate first : sources.get(0).bySeries().values()) {
            List<SeriesCandidate> row = new ArrayList<>();
            for (Source src : sources) {
                SeriesCandidate c = src.bySeries().get(first.series());
                if (c != null && c.hasBacktest() && c.backtest().length == first.backtest().length) {
                    row.add(c);
                }
            }
            if (row.size() == sources.size()) {
                rows.add(row);
            }
        }
        List<MeanCalibration.Sample> samples = new ArrayList<>();
        for (List<SeriesCandidate> row : rows) {
            samples.add(new MeanCalibration.Sample(row.get(0).actual(),
                    row.stream().map(c -> c.forecast(levels)).toList(), row.stream().map(SeriesCandidate::backtest)
                    .toList()));
        }
        double[] factors = MeanCalibration.factors(samples);
        Map<String, SeriesCandidate> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<SeriesCandidate> row = rows.get(i);
            SeriesCandidate first = row.get(0);
            double[] bt = new double[first.backtest().length];
            for (SeriesCandidate c : row) {
                for (int k = 0; k < bt.length; k++) {
                    bt[k] += c.backtest()[k] / row.size();
                }
            }
            Forecast f = MeanCalibration.mean(model, samples.get(i).forecasts(), factors);
            out.put(first.series(), SeriesCandidate.of(first.series(), f, bt, first.actual(), first.scale(),
                    first.maseScale(), Double.NaN, Double.NaN));
        }
        return new Source(name, out);
    }

    private static Choice choice(GlobalSelection.Candidates c, Forecast f, SeriesCandidate local, String source) {
        if (c.global() == null || f == c.local() || f.model().startsWith("local ")) {
            return new Choice(c.id(), f, CandidateResults.LOCAL, local.mase(), local.wape());
        }
        double[] bt;
        String from;
        if (f == c.global()) {
            bt = c.globalBacktest();
            from = source;
        } else {
            bt = new double[c.actual().length];
            for (int k = 0; k < bt.length; k++) {
                bt[k] = 0.5 * (c.localBacktest()[k] + c.globalBacktest()[k]);
            }
            from = CandidateResults.LOCAL + "+" + source;
            // GlobalSelection names the mean after its Tribuo origin; the served name says which source it is
            f = TRIBUO.equals(source) ? f : f.withModel("mean(auto," + source + ")");
        }
        return new Choice(c.id(), f, from, mase(c.actual(), bt, local), wape(c.actual(), bt));
    }

    private static GlobalSelection.Candidates candidates(SeriesCandidate local, SeriesCandidate global,
                                                         double[] levels) {
        Forecast lf = local.forecast(levels);
        if (global == null || !global.hasBacktest()) {
            return new GlobalSelection.Candidates(local.series(), lf, null, null, null, null, 1);
        }
        double[] localBt = local.backtest().length == global.backtest().length ? local.backtest() : null;
        double scale = local.scale() > 0 ? local.scale() : 1;
        return new GlobalSelection.Candidates(local.series(), lf, global.forecast(levels), localBt,
                global.backtest(), global.actual(), scale);
    }

    /** {local sum, global sum} over the series both have comparable windows for. */
    private static double[] groupErrors(Map<String, SeriesCandidate> local, Iterable<SeriesCandidate> global) {
        double l = 0;
        double g = 0;
        for (SeriesCandidate gc : global) {
            SeriesCandidate lc = local.get(gc.series());
            if (lc == null || !gc.hasBacktest() || lc.backtest().length != gc.backtest().length) {
                continue;
            }
            double scale = lc.scale() > 0 ? lc.scale() : 1;
            l += mae(gc.actual(), lc.backtest()) / scale;
            g += mae(gc.actual(), gc.backtest()) / scale;
        }
        return new double[] {l, g};
    }

    private static double mae(double[] actual, double[] f) {
        double s = 0;
        for (int k = 0; k < actual.length; k++) {
            s += Math.abs(actual[k] - f[k]);
        }
        return s / actual.length;
    }

    private static double wape(double[] actual, double[] f) {
        double e = 0;
        double a = 0;
        for (int k = 0; k < actual.length; k++) {
            e += Math.abs(actual[k] - f[k]);
            a += Math.abs(actual[k]);
        }
        return a > 0 ? 100 * e / a : Double.NaN;
    }

    /** MASE of the window: its mean absolute error over the local series' seasonal-naive in-sample error. */
    private static double mase(double[] actual, double[] f, SeriesCandidate local) {
        double scale = local.maseScale();
        return scale > 0 ? mae(actual, f) / scale : Double.NaN;
    }

    private static Map<String, SeriesCandidate> index(List<SeriesCandidate> series) {
        Map<String, SeriesCandidate> out = new LinkedHashMap<>();
        for (SeriesCandidate c : series) {
            out.put(c.series(), c);
        }
        return out;
    }

    private static void requireMatching(CandidateResults local, CandidateResults g) {
        if (g.isLocal() || !g.runId().equals(local.runId()) || !g.seller().equals(local.seller())
                || !g.part().equals(local.part()) || g.horizon() != local.horizon()
                || !java.util.Arrays.equals(g.levels(), local.levels())) {
            throw new IllegalArgumentException("results of " + g.source() + " (seller " + g.seller() + ", run "
                    + g.runId() + ", part " + g.part() + ", horizon " + g.horizon() + ") do not match the local "
                    + "results (seller " + local.seller() + ", run " + local.runId() + ", part " + local.part()
                    + ", horizon " + local.horizon() + ")");
        }
    }
}
