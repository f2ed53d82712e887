package io.trendcast.train.global;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.upload.FeatureShard;
import io.trendcast.train.candidate.ShardSelection;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardLoader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects every shard of a run again when a global model fitted in another function (DeepAR in its container)
 * reports its results in ({@link ReselectKey}): that model may finish after both the shards and the Tribuo step,
 * when nothing else would select with it; and when the run's last shard is trained after the global models, so
 * that the group decision is made over the whole run ({@link ShardSelection#selectRun}). Each shard whose local
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
     * Selects every shard of the run of {@code manifest} again, once all of them have their local results: the
     * invocation that trained the run's last shard calls it, so that the group decision is the run's whichever of
     * the shards and the global models finished last. Returns a one-line summary.
     */
    public String runWide(RunManifest manifest) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < manifest.shards(); i++) {
            keys.add(FeatureShard.key(manifest.seller(), manifest.runId(), i));
        }
        return "run " + manifest.runId() + ": " + select(manifest, keys, "run " + manifest.runId());
    }

    private String select(RunManifest manifest, List<String> shardKeys, String source) {
        List<ShardSelection.ShardInput> inputs = new ArrayList<>();
        List<LoadedShard> shards = runShards.load(manifest, shardKeys, source);
        for (LoadedShard shard : shards) {
            inputs.add(shard.input());
        }
        List<String> outcomes = selection.selectRun(manifest, inputs, clock.instant()).stream()
                .map(ShardSelection.Outcome::toString).toList();
        return outcomes.size() + " of " + shards.size() + " shards selected again"
                + (outcomes.isEmpty() ? "" : " (" + String.join("; ", outcomes) + ")");
    }
}
