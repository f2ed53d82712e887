/**
 * Model artifacts: per shard, {@code models/{seller}/{runId}/part-NNNN.json} records for every series what was
 * chosen and why (candidate, member models, backtest accuracy, skipped candidates, fallback reason) and from what
 * (input hashes, dataset version, Trendcast version, time), so any served forecast can be traced and reproduced.
 */
package io.trendcast.train.artifact;
