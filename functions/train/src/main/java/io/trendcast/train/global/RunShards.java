package io.trendcast.train.global;

import io.trendcast.train.fit.Preparation;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardFormatException;
import io.trendcast.train.shard.ShardKey;
import io.trendcast.train.shard.ShardLoader;

import java.util.ArrayList;
import java.util.List;

/** Reads every shard a trigger names, with drivers, and prepares each series ({@link Preparation}). */
final class RunShards {

    private final ShardLoader loader;
    private final Preparation preparation = new Preparation();

    RunShards(ShardLoader loader) {
        this.loader = loader;
    }

    /**
     * The shards of {@code trigger}, in its order.
     *
     * @throws ShardFormatException when a key is not a shard of the trigger's run, or a shard cannot be read
     */
    List<LoadedShard> load(RunManifest manifest, GlobalTrigger trigger, String triggerKey) {
        return load(manifest, trigger.shards(), triggerKey);
    }

    /** The shards {@code shardKeys} of the run of {@code manifest}, in that order ({@code source}: for errors). */
    List<LoadedShard> load(RunManifest manifest, List<String> shardKeys, String source) {
        List<LoadedShard> shards = new ArrayList<>();
        for (ShardKey sk : keys(manifest, shardKeys, source)) {
            shards.add(load(manifest, sk));
        }
        return shards;
    }

    /**
     * {@code shardKeys} parsed, in order, before any is read.
     *
     * @throws ShardFormatException when a key is not a shard of the run of {@code manifest}
     */
    List<ShardKey> keys(RunManifest manifest, List<String> shardKeys, String source) {
        List<ShardKey> keys = new ArrayList<>();
        for (String shardKey : shardKeys) {
            keys.add(ShardKey.parse(shardKey).filter(s -> s.seller().equals(manifest.seller())
                    && s.runId().equals(manifest.runId())).orElseThrow(() -> new ShardFormatException(source
                    + ": '" + shardKey + "' is not a shard of run " + manifest.runId())));
        }
        return keys;
    }

    /**
     * One shard of the run, read and prepared.
     *
     * @throws ShardFormatException when it cannot be read
     */
    LoadedShard load(RunManifest manifest, ShardKey sk) {
        ShardLoader.Read<DriverShardReader.Shard> read = loader.read(sk, in -> DriverShardReader.read(in, sk.key()));
        List<Preparation.Prepared> prepared = new ArrayList<>();
        for (DriverSeries d : read.value().series()) {
            prepared.add(preparation.prepare(d.series(), manifest.frequency(), manifest.season()));
        }
        return new LoadedShard(sk, read.sha256(), read.value().series(), prepared, read.value().covariates());
    }
}
