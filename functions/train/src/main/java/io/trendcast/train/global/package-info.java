/**
 * The global step of a run: started by the trigger object {@code features/{seller}/{run}/global/tribuo.json} that
 * ingest writes after the run's shards, it fits the Tribuo global model across every series of the run, stores the
 * artifact with its provenance, writes the model's candidate results per shard and the seller's driver report, and
 * runs the selection of every shard whose local results are already there
 * ({@link io.trendcast.train.candidate.ShardSelection}).
 */
package io.trendcast.train.global;
