package io.trendcast.train.global;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.port.BlobStore;
import io.trendcast.train.candidate.ShardSelection;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardLoader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Selects every shard of a run again when a global model fitted in another function (DeepAR in its container)
 * reports its results in ({@link ReselectKey}): that model may finish after both the shards and the Tribuo step,
 * when nothing else would select with it. Each shard whose local results exist is selected over every source
 * present; the conditional write by completeness keeps it idempotent.
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
        Instant now = clock.instant();
        List<String> outcomes = new ArrayList<>();
        List<LoadedShard> shards = runShards.load(manifest, done, key.key());
        for (LoadedShard shard : shards) {
            Optional<ShardSelection.Outcome> outcome = selection.selectIfReady(manifest, shard.key().part(),
                    Optional.empty(), shard.states(), now);
            outcome.ifPresent(o -> outcomes.add(o.toString()));
        }
        return key.key() + ": " + outcomes.size() + " of " + shards.size() + " shards selected again"
                + (outcomes.isEmpty() ? "" : " (" + String.join("; ", outcomes) + ")");
    }
}
