package io.trendcast.train.global;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.candidate.CandidateKeys;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.upload.FeatureShard;
import io.trendcast.train.candidate.ShardSelection;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardKey;
import io.trendcast.train.shard.ShardLoader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Selects every shard of a run again when a global model fitted in another function (DeepAR in its container)
 * reports its results in ({@link ReselectKey}): that model may finish after both the shards and the Tribuo step,
 * when nothing else would select with it; and when the run's last shard is trained after the global models (its
 * invocation writes {@code local.done.json}, {@link #requestRunWide}), so that the group decision is made over the
 * whole run ({@link ShardSelection#selectRun}). Each shard whose local
 * results exist is selected over every source present; the conditional write by rank keeps it idempotent.
 */
public final class Reselection {

    private final BlobStore blobs;
    private final ObjectMapper json;
    private final ShardLoader loader;
    private final ShardSelection selection;
    private final RunShards runShards;
    private final Clock clock;

    public Reselection(BlobStore blobs, ObjectMapper json, ShardLoader loader, ShardSelection selection,
                       Clock clock) {
        this.blobs = blobs;
        this.json = json;
        this.loader = loader;
        this.selection = selection;
        this.runShards = new RunShards(loader);
        this.clock = clock;
    }

    /** Selects the shards the document at {@code key} names; returns a one-line summary. */
    public String run(ReselectKey key) {
        GlobalTrigger done = GlobalTrigger.read(blobs, json, key.key()).validated(key.key(), key.seller(),
                key.runId(), key.source());
        RunManifest manifest = loader.manifest(key.seller(), key.runId(), "reselection " + key.key());
        return key.key() + ": " + select(manifest, done.shards(), key.key());
    }

    /**
     * Has every shard of the run of {@code manifest} selected again, decided over the whole run: writes
     * {@code features/{seller}/{run}/global/local.done.json} (the run's shard keys, as a global model's "results in"
     * object), whose notification starts a train invocation of its own that runs {@link #run}. The invocation that
     * trained the run's last shard calls it, once all shards have their local results and a global model's are in;
     * the selection then gets a whole invocation's time rather than what training left. Idempotent: the same
     * content again is the same object, which the claim by key and ETag skips. Returns a one-line summary.
     */
    public String requestRunWide(RunManifest manifest) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < manifest.shards(); i++) {
            keys.add(FeatureShard.key(manifest.seller(), manifest.runId(), i));
        }
        String key = CandidateKeys.done(manifest.seller(), manifest.runId(), CandidateResults.LOCAL);
        GlobalTrigger doc = new GlobalTrigger(manifest.seller(), manifest.runId(), manifest.uploadId(),
                manifest.datasetVersion(), CandidateResults.LOCAL, keys, List.of());
        try {
            blobs.put(key, json.writeValueAsBytes(doc), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(key + ": cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return "run-wide selection requested (" + key + ")";
    }

    /** Each shard's series are read when the selection stores that shard, so one shard is in memory at a time. */
    private String select(RunManifest manifest, List<String> shardKeys, String source) {
        List<ShardSelection.ShardInput> inputs = new ArrayList<>();
        List<ShardKey> shards = runShards.keys(manifest, shardKeys, source);
        for (ShardKey shard : shards) {
            inputs.add(new ShardSelection.ShardInput(shard.part(), Optional.empty(),
                    () -> runShards.load(manifest, shard).states()));
        }
        List<String> outcomes = selection.selectRun(manifest, inputs, clock.instant()).stream()
                .map(ShardSelection.Outcome::toString).toList();
        return outcomes.size() + " of " + shards.size() + " shards selected again"
                + (outcomes.isEmpty() ? "" : " (" + String.join("; ", outcomes) + ")");
    }
}
