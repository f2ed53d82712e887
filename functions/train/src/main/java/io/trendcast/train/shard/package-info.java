/**
 * The inputs of one training invocation as the ingest function writes them: the shard key
 * ({@link io.trendcast.train.shard.ShardKey}), the run manifest ({@link io.trendcast.train.shard.RunManifest}) and
 * the feature shard itself, read through {@link io.trendcast.train.shard.FeatureShardReader}.
 *
 * <p>{@link io.trendcast.train.shard.CsvFeatureShardReader} reads the agreed shard CSV here until the ingest
 * engineer's {@code FeatureShard} reader lands in core; swapping it means replacing that one bean.
 */
package io.trendcast.train.shard;
