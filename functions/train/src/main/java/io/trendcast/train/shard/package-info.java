/**
 * The inputs of one training invocation as the ingest function writes them: the shard key
 * ({@link io.trendcast.train.shard.ShardKey}), the run manifest ({@link io.trendcast.train.shard.RunManifest}) and
 * the feature shard itself, read through {@link io.trendcast.train.shard.FeatureShardReader}.
 *
 * <p>{@link io.trendcast.train.shard.CoreFeatureShardReader} reads shards with the core code that ingest writes
 * them with ({@code io.trendcast.core.upload.FeatureShard}).
 */
package io.trendcast.train.shard;
