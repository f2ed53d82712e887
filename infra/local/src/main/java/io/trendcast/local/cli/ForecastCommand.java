package io.trendcast.local.cli;

import io.trendcast.core.exchange.ExchangeData;
import io.trendcast.core.exchange.ExchangeFormatException;
import io.trendcast.core.exchange.ExchangeReader;
import io.trendcast.core.exchange.ExchangeSeries;
import io.trendcast.core.exchange.ForecastWriter;
import io.trendcast.core.exchange.FutureCovariates;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.exchange.SeriesMeta;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.prepare.GapFiller;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.select.GlobalSelection;
import io.trendcast.core.select.Methods;
import io.trendcast.core.series.TimeSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.trendcast.deep.DeepArConfig;
import io.trendcast.ml.GlobalConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trendcast forecast}: batch forecasting in the exchange format of FORMATS.md §3. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecasts every series of a file (series_id,date,value) with one or more methods.")
public final class ForecastCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "series_id,date,value[,covariates] (.gz allowed)")
    Path input;

    @Option(names = "--meta", description = "series_meta.csv: series_id,season,horizon")
    Path meta;

    @Option(names = "--season", description = "seasonal period for every series (default: from the frequency)")
    Integer season;

    @Option(names = "--horizon", description = "steps to forecast for every series")
    Integer horizon;

    @Option(names = "--methods", split = ",", defaultValue = "auto",
            description = "comma-separated methods (default auto): auto, global, deepar, ets, arima, theta, naive, snaive, naive2, drift, croston, sba, tsb")
    List<String> methods;

    @Option(names = "--levels", split = ",", defaultValue = "80,95", description = "interval levels in percent")
    double[] levels;

    @Option(names = "--future", description = "future covariates: series_id,date,<covariate columns>")
    Path future;

    @Option(names = "--out", required = true, description = "forecasts CSV to write")
    Path out;

    @Option(names = "--timings", description = "method,series,seconds CSV to write")
    Path timings;

    @Option(names = "--fill", defaultValue = "INTERPOLATE",
            description = "how missing periods are filled: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    GapFiller.Policy fill;

    @Option(names = "--threads", description = "parallel threads (default: available processors)")
    Integer threads;

    @Option(names = "--local-only", description = "auto chooses among local methods only (no global model)")
    boolean localOnly;

    @Option(names = "--country", defaultValue = "GLOBAL",
            description = "holiday and festival calendar of the global model: US, CA, GB, AU, CN, HK, SG, TW, GLOBAL")
    String country;

    @Option(names = "--global-learner", defaultValue = "XGBOOST",
            description = "global model learner: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    GlobalConfig.Learner learner;

    @Option(names = "--global-strategy", defaultValue = "RECURSIVE",
            description = "global model horizon strategy: ${COMPLETION-CANDIDATES} (AUTO: the better on the "
                    + "calibration backtest, per group; default ${DEFAULT-VALUE})")
    GlobalConfig.Strategy strategy;

    @Option(names = "--global-artifact", description = "global model artifact: loaded when the file exists (no "
            + "refit), otherwise written after the fit")
    Path artifact;

    @Option(names = "--global-trees", defaultValue = "100", description = "boosting rounds of the global model (default ${DEFAULT-VALUE})")
    int trees;

    @Option(names = "--global-depth", defaultValue = "6", description = "tree depth of the global model (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--deepar", description = "auto also considers DeepAR (shared/deep; loads the PyTorch natives)")
    boolean autoDeep;

    @Option(names = "--deepar-artifact", description = "DeepAR artifact: loaded when the file exists (no "
            + "retraining), otherwise written after the fit with its provenance in <file>.json")
    Path deepArtifact;

    @Option(names = "--deepar-epochs", defaultValue = "60", description = "most DeepAR epochs; early stopping on "
            + "the last horizon usually ends sooner (default ${DEFAULT-VALUE})")
    int deepEpochs;

    @Option(names = "--deepar-hidden", defaultValue = "40", description = "DeepAR LSTM units (default ${DEFAULT-VALUE})")
    int deepHidden;

    @Option(names = "--deepar-layers", defaultValue = "2", description = "DeepAR LSTM layers (default ${DEFAULT-VALUE})")
    int deepLayers;

    @Option(names = "--deepar-context", defaultValue = "0", description = "periods DeepAR reads before the origin "
            + "(default: the horizon)")
    int deepContext;

    @Option(names = "--deepar-paths", defaultValue = "100", description = "DeepAR sample paths (default ${DEFAULT-VALUE})")
    int deepPaths;

    @Option(names = "--deepar-lr", defaultValue = "0.001", description = "DeepAR Adam learning rate (default ${DEFAULT-VALUE})")
    double deepLearningRate;

    @Option(names = "--deepar-batches", defaultValue = "50", description = "DeepAR batches of 64 windows per epoch "
            + "(default ${DEFAULT-VALUE})")
    int deepBatches;

    @Option(names = "--deepar-seed", defaultValue = "42", description = "DeepAR seed (default ${DEFAULT-VALUE})")
    long deepSeed;

    @Option(names = "--deepar-validation", defaultValue = "0", description = "last periods of each series whose "
            + "loss stops DeepAR's training early (default: the horizon, at most an eighth of the longest series)")
    int deepValidation;

    @Option(names = "--deepar-min-epochs", defaultValue = "" + DeepArConfig.DEFAULT_MIN_EPOCHS,
            description = "DeepAR epochs before early stopping may end training; equal to --deepar-epochs: a fixed "
            + "number, no early-stopping fit (default ${DEFAULT-VALUE})")
    int deepMinEpochs;

    @Option(names = "--deepar-embedding", defaultValue = "8", description = "size of DeepAR's learned series "
            + "embedding, 0 for none (default ${DEFAULT-VALUE})")
    int deepEmbedding;

    @Option(names = "--deepar-members", defaultValue = "1", description = "DeepAR networks in the ensemble, each "
            + "from its own seed, their sample paths pooled (default ${DEFAULT-VALUE})")
    int deepMembers;

    @Option(names = "--deepar-patience", defaultValue = "6", description = "DeepAR epochs without a better "
            + "validation loss before training stops (default ${DEFAULT-VALUE})")
    int deepPatience;

    @Override
    public Integer call() throws Exception {
        if (meta == null && horizon == null) {
            System.err.println("error: give --meta series_meta.csv or --horizon H (and optionally --season M)");
            return 2;
        }
        List<Forecaster> forecasters = new ArrayList<>();
        boolean wantGlobal = false;
        boolean wantDeep = false;
        for (String name : methods) {
            if (name.trim().equals("global") || name.trim().equals("deepar")) {
                wantGlobal |= name.trim().equals("global");
                wantDeep |= name.trim().equals("deepar");
                forecasters.add(name.trim().equals("global") ? null : DEEPAR);
                continue;
            }
            wantDeep |= name.trim().equals("auto") && autoDeep;
            wantGlobal |= name.trim().equals("auto") && !localOnly;
            try {
                forecasters.add(Methods.byName(name.trim()));
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage() + ", global, deepar");
                return 2;
            }
        }
        ExchangeData data;
        Map<String, SeriesMeta> metas;
        try {
            data = ExchangeReader.read(input);
            metas = meta == null ? Map.of() : SeriesMeta.read(meta);
        } catch (ExchangeFormatException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        data.warnings().forEach(w -> System.err.println("warning: " + w));
        FutureCovariates fut;
        try {
            fut = future == null ? FutureCovariates.none() : FutureCovariates.read(future);
        } catch (ExchangeFormatException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        GapFiller filler = GapFiller.builder().policy(fill).build();
        List<Job> jobs = new ArrayList<>();
        for (ExchangeSeries es : data.series()) {
            TimeSeries s = es.series();
            SeriesMeta sm = metas.get(s.id());
            if (sm == null && horizon == null) {
                System.err.println("warning: series '" + s.id() + "' has no row in " + meta + "; skipped");
                continue;
            }
            int m = sm != null ? sm.season() : season != null ? season : s.frequency().defaultSeason();
            int h = sm != null ? sm.horizon() : horizon;
            jobs.add(new Job(filler.fill(s.withSeason(m)), h));
        }
        int nThreads = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        GlobalStage global = null;
        GlobalStage deep = null;
        Map<String, TimeSeries> filled = new java.util.LinkedHashMap<>();
        Map<String, Integer> horizons = new java.util.HashMap<>();
        for (Job j : jobs) {
            filled.put(j.series().id(), j.series());
            horizons.put(j.series().id(), j.horizon());
        }
        if (wantDeep && !jobs.isEmpty()) {
            DeepArConfig dc = DeepArConfig.builder().maxEpochs(deepEpochs).hiddenSize(deepHidden).layers(deepLayers)
                    .contextLength(deepContext).samplePaths(deepPaths).learningRate(deepLearningRate)
                    .batchesPerEpoch(deepBatches).seed(deepSeed).validationLength(deepValidation).patience(deepPatience)
                    .members(deepMembers).embeddingSize(deepEmbedding)
                    .minEpochs(Math.min(deepMinEpochs, deepEpochs))
                    .holidays(HolidayCalendar.forCountry(country)).build();
            try {
                deep = GlobalStage.fit(data, filled, horizons, fut, new DeepStage(dc), levels, deepArtifact, false);
                System.err.printf("deepar on %d series ready in %.1f s%n", deep.inputs.size(), deep.fitSeconds);
            } catch (RuntimeException e) {
                System.err.println("warning: deepar could not be fitted (" + e.getMessage() + "); auto uses the "
                        + "other methods, deepar falls back to seasonal naive");
            }
        }
        if (wantGlobal && !jobs.isEmpty()) {
            GlobalConfig config = GlobalConfig.builder().learner(learner).strategy(strategy).threads(nThreads)
                    .trees(trees).maxDepth(depth).holidays(HolidayCalendar.forCountry(country)).build();
            try {
                global = GlobalStage.fit(data, filled, horizons, fut, config, levels, artifact, false);
                System.err.printf("global model %s on %d series ready in %.1f s (fit with calibration, or load)%n",
                        global.description(), global.inputs.size(), global.fitSeconds);
            } catch (RuntimeException e) {
                System.err.println("warning: the global model could not be fitted (" + e.getMessage() + "); auto "
                        + "uses local methods, global falls back to seasonal naive");
            }
        }
        BatchResult result = run(jobs, forecasters, nThreads, global, deep);
        System.err.printf("%d series × %d method(s) in %.1f s on %d thread(s); %d fit(s) fell back to seasonal "
                + "naive%n", jobs.size(), forecasters.size(), result.seconds, nThreads, result.failures.size());
        result.failures.stream().limit(20).forEach(f -> System.err.println("  " + f));
        if (result.failures.size() > 20) {
            System.err.println("  … and " + (result.failures.size() - 20) + " more");
        }
        return 0;
    }

    /** Marks DeepAR in the method list (its forecasts come from the DeepAR stage, never from a per-series fit). */
    private static final Forecaster DEEPAR = new Forecaster() {
        @Override
        public String name() {
            return "deepar";
        }

        @Override
        public io.trendcast.core.model.FittedModel fit(TimeSeries series) {
            throw new UnsupportedOperationException("deepar is fitted across series by the DeepAR stage");
        }
    };

    private record Job(TimeSeries series, int horizon) {
    }

    private record BatchResult(double seconds, List<String> failures) {
    }

    private BatchResult run(List<Job> jobs, List<Forecaster> forecasters, int nThreads, GlobalStage global,
                            GlobalStage deep) throws IOException, InterruptedException {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> timingRows = new ConcurrentLinkedQueue<>();
        ProgressBar bar = new ProgressBar(System.err, jobs.size(), "forecasting", ProgressBar.onTerminal());
        long t0 = System.nanoTime();
        AutoWithGlobals autoGlobal = new AutoWithGlobals(global, deep, levels);
        double sharedFit = ((global == null ? 0 : global.fitSeconds) + (deep == null ? 0 : deep.fitSeconds))
                / jobs.size();
        Map<String, Double> autoSeconds = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        try (ForecastWriter writer = new ForecastWriter(out, levels)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    for (Forecaster f : forecasters) {
                        long s0 = System.nanoTime();
                        String name = f == null ? "global" : f.name();
                        Forecast fc;
                        if (f == null) {
                            fc = SeriesRunner.forecastGlobal(global, job.series(), job.horizon(), levels, failures);
                        } else if (f == DEEPAR) {
                            fc = SeriesRunner.forecastGlobal(deep, job.series(), job.horizon(), levels, failures);
                        } else if (f.name().equals("auto") && autoGlobal.covers(job.series().id())) {
                            if (autoGlobal.submit(job.series().id(), job.horizon(), failures)) {
                                autoSeconds.put(job.series().id(), (System.nanoTime() - s0) / 1e9 + sharedFit);
                                continue;
                            }
                            fc = SeriesRunner.fallback(job.series(), job.horizon(), levels, "auto");
                        } else {
                            fc = SeriesRunner.forecast(f, job.series(), job.horizon(), levels, failures);
                        }
                        double secs = (System.nanoTime() - s0) / 1e9
                                + (f == null && global != null ? global.fitSeconds / jobs.size() : 0)
                                + (f == DEEPAR && deep != null ? deep.fitSeconds / jobs.size() : 0)
                                + (name.equals("auto") ? sharedFit : 0);
                        writer.write(job.series().id(), name, fc);
                        timingRows.add(name + "," + job.series().id() + "," + secs);
                    }
                    bar.step();
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("forecasting failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
            for (Map.Entry<String, Forecast> e : autoGlobal.chooseAll().entrySet()) {
                writer.write(e.getKey(), "auto", e.getValue());
                timingRows.add("auto," + e.getKey() + "," + autoSeconds.get(e.getKey()));
            }
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (timings != null) {
            try (PrintWriter pw = new PrintWriter(new BufferedWriter(Files.newBufferedWriter(timings,
                    StandardCharsets.UTF_8)))) {
                pw.println("method,series,seconds");
                timingRows.forEach(pw::println);
            }
        }
        return new BatchResult(secs, new ArrayList<>(failures));
    }
}
