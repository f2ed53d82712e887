package io.trendcast.train.global;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.analysis.DriverAnalysis;
import io.trendcast.core.analysis.DriverReport;
import io.trendcast.core.candidate.CandidateKeys;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.ml.GlobalArtifact;
import io.trendcast.ml.GlobalConfig;
import io.trendcast.ml.TribuoGlobalForecaster;
import io.trendcast.ml.TribuoGlobalModel;
import io.trendcast.train.candidate.CandidateStore;
import io.trendcast.train.candidate.ShardSelection;
import io.trendcast.train.fit.Preparation;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardFormatException;
import io.trendcast.train.shard.ShardLoader;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The global step of one run ({@code tribuo}): reads every shard of the run with its drivers, puts each series on
 * the run's grid with gaps filled as the local models do ({@link Preparation}), and fits {@link TribuoGlobalForecaster} across all of them (with its
 * backtest refit without each series' last {@code horizon} periods, which also gives the conformal intervals), and
 * writes
 * <ul>
 *   <li>{@code models/{seller}/{run}/global/tribuo/model.bin}: the artifact ({@link GlobalArtifact}: feature spec,
 *       scales, conformal table and the Tribuo model with its provenance), and {@code provenance.json} beside it
 *       (shards and their SHA-256, dataset version, configuration, Tribuo provenance, timings);
 *   <li>{@code models/{seller}/{run}/global/tribuo/part-NNNN.json}: candidate results per shard;
 *   <li>{@code reports/{seller}/{upload}/drivers.json}: the driver report (correlations, PCA, price elasticity and
 *       promotion lift, per-series importance of the global model);
 * </ul>
 * and selects every shard whose local results are already written. A run too small for a global model (or one it
 * cannot be fitted on) still gets its driver report, without importance. The global model and the driver analysis read
 * the observed history, not the one cleaned of anomalies for the local models: a spike on a promotion day is what
 * they explain, and winsorising it would hide the promotion's effect. Runs with fewer than {@code minSeries} series
 * write nothing (their local forecasts stay): one window per series is too little to judge a global model on.
 */
public final class GlobalStep {

    /** The source name of this global model in the candidate exchange. */
    public static final String SOURCE = "tribuo";
    /** Series of a run's report whose per-series importance is listed (the largest by sales). */
    private static final int IMPORTANCE_SERIES = 20;

    private static final Logger LOG = Logger.getLogger(GlobalStep.class);

    private final BlobStore blobs;
    private final ObjectMapper json;
    private final ShardLoader loader;
    private final CandidateStore candidates;
    private final ShardSelection selection;
    private final GlobalConfig config;
    private final int minSeries;
    private final String version;
    private final RunShards runShards;
    private final Clock clock;

    public GlobalStep(BlobStore blobs, ObjectMapper json, ShardLoader loader, CandidateStore candidates,
                      ShardSelection selection, GlobalConfig config, int minSeries, String version, Clock clock) {
        this.blobs = blobs;
        this.json = json;
        this.loader = loader;
        this.candidates = candidates;
        this.selection = selection;
        this.config = config;
        this.minSeries = minSeries;
        this.version = version;
        this.clock = clock;
        this.runShards = new RunShards(loader);
    }

    /**
     * Runs the step for the trigger at {@code key}.
     *
     * @return a one-line summary
     * @throws ShardFormatException when the trigger, the manifest or a shard cannot be read as such
     */
    public String run(GlobalTriggerKey key) {
        if (!SOURCE.equals(key.source())) {
            return key.key() + ": ignored, no global model '" + key.source() + "' in this function";
        }
        GlobalTrigger trigger = GlobalTrigger.read(blobs, json, key.key()).validated(key);
        RunManifest manifest = loader.manifest(key.seller(), key.runId(), "global trigger " + key.key());
        long start = System.nanoTime();
        List<LoadedShard> shards = runShards.load(manifest, trigger, key.key());
        List<DriverSeries> all = new ArrayList<>();
        List<TimeSeries> histories = new ArrayList<>();
        for (LoadedShard shard : shards) {
            all.addAll(shard.series());
            shard.prepared().forEach(p -> histories.add(p.observed()));
        }
        List<String> covariateNames = shards.get(0).covariates();
        List<SeriesInput> inputs = GlobalInputs.of(all, histories, covariateNames, manifest.frequency(),
                manifest.horizon());
        if (all.size() < minSeries) {
            writeDrivers(manifest, inputs, id -> Map.of());
            return key.key() + ": " + all.size() + " series, fewer than " + minSeries + " for a global model; "
                    + "the local forecasts stay (driver report written)";
        }
        GlobalModel model;
        try {
            model = new TribuoGlobalForecaster(config).fit(inputs, manifest.horizon());
        } catch (ModelException e) {
            writeDrivers(manifest, inputs, id -> Map.of());
            return key.key() + ": global model not fitted (" + e.getMessage() + "); the local forecasts stay";
        }
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        Instant now = clock.instant();
        String folder = CandidateKeys.globalFolder(key.seller(), key.runId(), SOURCE);
        blobs.put(folder + "model.bin", GlobalArtifact.toBytes((TribuoGlobalModel) model),
                "application/octet-stream");
        blobs.put(folder + "provenance.json", provenance(manifest, shards, (TribuoGlobalModel) model, inputs.size(),
                fitSeconds, now), "application/json");
        Map<String, Forecast> forecasts = model.forecastAll(80, 95);
        Map<String, double[]> backtests = model.backtest();
        List<ShardSelection.ShardInput> toSelect = new ArrayList<>();
        for (LoadedShard shard : shards) {
            candidates.put(results(manifest, shard, model.description(), forecasts, backtests));
            toSelect.add(shard.input());
        }
        List<String> outcomes = new ArrayList<>();
        int served = 0;
        for (ShardSelection.Outcome outcome : selection.selectRun(manifest, toSelect, now)) {
            served += outcome.served();
            outcomes.add(outcome.toString());
        }
        writeDrivers(manifest, inputs, model::importance);
        String summary = key.key() + ": " + model.description() + " on " + inputs.size() + " series in "
                + String.format("%.1f", fitSeconds) + " s; " + outcomes.size() + " of " + shards.size()
                + " shards selected now" + (outcomes.isEmpty() ? "" : " (global serves " + served + " series)");
        LOG.info(summary + (outcomes.isEmpty() ? "" : ": " + String.join("; ", outcomes)));
        return summary;
    }

    private CandidateResults results(RunManifest manifest, LoadedShard shard, String description,
                                     Map<String, Forecast> forecasts, Map<String, double[]> backtests) {
        List<SeriesCandidate> series = new ArrayList<>();
        for (int i = 0; i < shard.series().size(); i++) {
            String id = shard.series().get(i).series().key().encode();
            Forecast f = forecasts.get(id);
            if (f == null || f.horizon() < manifest.horizon()) {
                continue;
            }
            series.add(SeriesCandidate.ofHistory(id, GlobalModel.cut(f, manifest.horizon()), backtests.get(id),
                    shard.prepared().get(i).observed().values(), manifest.season(), Double.NaN, Double.NaN));
        }
        return CandidateResults.of(SOURCE, manifest.seller(), manifest.runId(), manifest.datasetVersion(),
                shard.key().part(), manifest.horizon(), new double[] {80, 95}, description, series);
    }

    private void writeDrivers(RunManifest manifest, List<SeriesInput> inputs,
                              Function<String, Map<String, Double>> importance) {
        DriverReport report = DriverAnalysis.analyze(inputs, GlobalInputs.PRICE, GlobalInputs.PROMO, importance,
                IMPORTANCE_SERIES);
        blobs.put(driversKey(manifest.seller(), manifest.uploadId()),
                report.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
    }

    /** Where the driver report of an upload goes: beside the upload report, in its folder. */
    public static String driversKey(String seller, String uploadId) {
        return "reports/" + seller + "/" + uploadId + "/drivers.json";
    }

    private byte[] provenance(RunManifest manifest, List<LoadedShard> shards, TribuoGlobalModel model, int series,
                              double fitSeconds, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seller", manifest.seller());
        doc.put("runId", manifest.runId());
        doc.put("uploadId", manifest.uploadId());
        doc.put("datasetVersion", manifest.datasetVersion());
        doc.put("model", model.description());
        doc.put("config", config.toString());
        doc.put("series", series);
        doc.put("horizon", manifest.horizon());
        doc.put("features", model.featureNames());
        List<Map<String, String>> inputs = new ArrayList<>();
        for (LoadedShard s : shards) {
            inputs.add(Map.of("key", s.key().key(), "sha256", s.sha256()));
        }
        doc.put("shards", inputs);
        doc.put("fitSeconds", Math.round(fitSeconds * 10) / 10.0);
        doc.put("trendcastVersion", version);
        doc.put("trainedAt", now.toString());
        doc.put("tribuoProvenance", model.tribuoModel().getProvenance().toString());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
