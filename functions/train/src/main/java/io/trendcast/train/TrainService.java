package io.trendcast.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.select.Methods;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.train.artifact.ModelArtifact;
import io.trendcast.train.artifact.ShardProvenance;
import io.trendcast.train.candidate.CandidateStore;
import io.trendcast.train.candidate.LocalCandidates;
import io.trendcast.train.candidate.ShardSelection;
import io.trendcast.train.config.TrainConfig;
import io.trendcast.train.fit.SeriesTrainer;
import io.trendcast.train.fit.StoredForecasts;
import io.trendcast.train.fit.TimeBudget;
import io.trendcast.train.fit.TrainedSeries;
import io.trendcast.train.global.GlobalStep;
import io.trendcast.train.global.GlobalTriggerKey;
import io.trendcast.train.global.ReselectKey;
import io.trendcast.train.global.Reselection;
import io.trendcast.train.report.ReportWriter;
import io.trendcast.train.shard.CoreFeatureShardReader;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardFormatException;
import io.trendcast.train.shard.ShardKey;
import io.trendcast.train.shard.ShardLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the shards named by S3 events. Each shard is claimed in the Runs table under its event's idempotency key
 * (bucket, key, version or ETag), so a redelivered event or a concurrent duplicate invocation does nothing. For a
 * claimed shard: read the run manifest and the shard, train every series ({@link SeriesTrainer}), write the model
 * artifact, the forecasts, the shard's anomalies into the upload's report folder, and the shard's completion, which
 * moves the upload to {@code TRAINED} once every shard of the run is done; the invocation that completes the run
 * also draws the report charts ({@link ReportWriter}). Every write is idempotent, so a retry after a failure half
 * way is harmless.
 */
@ApplicationScoped
public class TrainService {

    private static final Logger LOG = Logger.getLogger(TrainService.class);

    private final BlobStore blobs;
    private final ForecastStore forecasts;
    private final RunStore runs;
    private final ObjectMapper json;
    private final TrainConfig config;
    private final String version;
    private final ShardLoader loader;
    private final ReportWriter reports;
    private final SeriesTrainer trainer;
    private final CandidateStore candidates;
    private final ShardSelection selection;
    private final GlobalStep global;
    private final Reselection reselection;
    private final Clock clock = Clock.systemUTC();

    @Inject
    CostMeter meter;

    @Inject
    TrainService(BlobStore blobs, ForecastStore forecasts, ForecastCatalog catalog, RunStore runs, ObjectMapper json,
                 TrainConfig config, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.blobs = blobs;
        this.forecasts = forecasts;
        this.runs = runs;
        this.json = json;
        this.config = config;
        this.version = version;
        this.loader = new ShardLoader(blobs, json, new CoreFeatureShardReader());
        this.reports = new ReportWriter(blobs, catalog, json);
        this.trainer = new SeriesTrainer(config.train().globalSources().isEmpty() ? Methods.auto()
                : Methods.autoWithHeldOutFold(), config.train().threadsOrProcessors());
        this.candidates = new CandidateStore(blobs, json);
        this.selection = new ShardSelection(candidates, forecasts, blobs, json, config.train().globalSources());
        this.global = new GlobalStep(blobs, json, loader, candidates, selection, config.train().globalConfig(),
                config.train().globalMinSeries(), version, clock);
        this.reselection = new Reselection(blobs, json, loader, selection, clock);
    }

    /** Time kept back from the invocation for writing results. */
    Duration safetyMargin() {
        return config.train().safetyMargin();
    }

    /**
     * Trains every feature shard among {@code objects}; other objects are ignored.
     *
     * @param requestId the invocation's request id, the owner of the claims
     * @return a one-line summary per object, for the invocation's log and result
     */
    public String train(List<ObjectCreated> objects, String requestId, TimeBudget budget) {
        List<String> results = new ArrayList<>();
        for (ObjectCreated object : objects) {
            Optional<ShardKey> shard = ShardKey.parse(object.key());
            Optional<GlobalTriggerKey> trigger = GlobalTriggerKey.parse(object.key());
            Optional<ReselectKey> done = ReselectKey.parse(object.key());
            if (shard.isEmpty() && trigger.isEmpty() && done.isEmpty()) {
                results.add(object.key() + ": ignored, not a feature shard, a global trigger or a reselection");
                continue;
            }
            String idempotencyKey = object.idempotencyKey();
            if (!runs.claim(idempotencyKey, requestId, leaseUntil(budget))) {
                Optional<RunRecord> held = runs.run(idempotencyKey);
                if (held.isPresent() && held.get().status() == RunStatus.IN_PROGRESS) {
                    throw new ConflictException(object.key() + " is in hand of invocation " + held.get().owner()
                            + " until " + held.get().leaseUntil() + "; this delivery fails so that it is retried, "
                            + "and lands in the dead-letter queue rather than being dropped should that one have died");
                }
                results.add(object.key() + ": skipped, already trained");
                continue;
            }
            try {
                String summary = shard.isPresent() ? trainShard(shard.get(), object.etag(), budget)
                        : trigger.isPresent() ? global.run(trigger.get()) : reselection.run(done.get());
                runs.complete(idempotencyKey, requestId, summary);
                results.add(summary);
            } catch (ShardFormatException e) {
                runs.fail(idempotencyKey, requestId, e.getMessage());
                LOG.error("shard cannot be trained, the ingest output needs fixing: " + e.getMessage());
                results.add(object.key() + ": failed: " + e.getMessage());
            } catch (RuntimeException e) {
                try {
                    runs.fail(idempotencyKey, requestId, e.getMessage());
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
        String result = String.join("\n", results);
        LOG.info(result);
        return result;
    }

    /** The end of the invocation (budget plus the margin kept for writing) plus the configured grace. */
    private Instant leaseUntil(TimeBudget budget) {
        return clock.instant().plusMillis(Math.max(0, budget.remainingMillis()))
                .plus(config.train().safetyMargin()).plus(config.train().leaseGrace());
    }

    private String trainShard(ShardKey shard, String etag, TimeBudget budget) {
        RunManifest manifest = loader.manifest(shard);
        ShardLoader.Loaded loaded;
        List<TrainedSeries> trained;
        try {
            loaded = loader.shard(shard);
            trained = trainer.train(loaded.series(), manifest.frequency(), manifest.season(), manifest.horizon(),
                    budget);
        } catch (ShardFormatException e) {
            runs.updateTraining(manifest.uploadId(), manifest.seller(), manifest.runId(), UploadState.FAILED,
                    e.getMessage(), clock.instant());
            throw e;
        }
        Instant now = clock.instant();
        ShardProvenance provenance = new ShardProvenance(manifest.seller(), manifest.runId(), manifest.uploadId(),
                manifest.datasetVersion(), shard.key(), etag, loaded.sha256(), version);
        ModelArtifact artifact = ModelArtifact.of(provenance, trained, now);
        blobs.put(shard.artifactKey(), toJson(artifact), "application/json");
        List<StoredForecast> stored = new ArrayList<>(trained.size());
        for (TrainedSeries t : trained) {
            stored.add(StoredForecasts.of(manifest.seller(), manifest.runId(), t, now));
        }
        forecasts.putAll(stored);
        Optional<ShardSelection.Outcome> selected = select(manifest, shard, trained, now);
        reports.writeAnomalies(manifest.seller(), manifest.uploadId(), shard.part(), stored);
        meter.work(trained.size(), loaded.series().stream().mapToLong(series -> series.dates().size()).sum());
        int done = runs.addTrainedShard(manifest.runId(), shard.number());
        String selectionNote = selected.map(outcome -> "; " + outcome).orElse("");
        if (done >= manifest.shards() && selected.isPresent()) {
            selectionNote += "; " + reselection.requestRunWide(manifest);
        }
        if (done >= manifest.shards()) {
            reports.writeCharts(manifest.seller(), manifest.uploadId());
        }
        UploadState state = done >= manifest.shards() ? UploadState.TRAINED : UploadState.TRAINING;
        String progress = done + " of " + manifest.shards() + " shards trained";
        runs.updateTraining(manifest.uploadId(), manifest.seller(), manifest.runId(), state, progress, now);
        return shard.key() + ": " + trained.size() + " series (" + artifact.fallbacks() + " fallback), " + progress
                + selectionNote;
    }

    /**
     * Writes the shard's local candidate results and selects with the global models' results if they are already
     * there (otherwise the global step selects when it writes them). Once the run's last shard is in, the caller
     * has the whole run selected again, decided over all its shards, in an invocation of its own.
     */
    private Optional<ShardSelection.Outcome> select(RunManifest manifest, ShardKey shard, List<TrainedSeries> trained,
                                                    Instant now) {
        CandidateResults local = LocalCandidates.of(manifest, shard.part(), trained, SeriesTrainer.LEVELS);
        candidates.put(local);
        Map<String, ShardSelection.SeriesState> states = new LinkedHashMap<>();
        for (TrainedSeries t : trained) {
            states.put(t.key().encode(), ShardSelection.SeriesState.of(t));
        }
        return selection.selectIfReady(manifest, shard.part(), Optional.of(local), states, now);
    }

    private byte[] toJson(ModelArtifact artifact) {
        try {
            return json.writeValueAsBytes(artifact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model artifact of " + artifact.shardKey() + " cannot be written as "
                    + "JSON: " + e.getOriginalMessage(), e);
        }
    }
}
