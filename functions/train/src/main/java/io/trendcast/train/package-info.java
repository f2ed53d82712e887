/**
 * The train function: a thin Lambda handler ({@link io.trendcast.train.TrainHandler}) on S3 events for
 * {@code features/} shards, and the service ({@link io.trendcast.train.TrainService}) that claims each shard once,
 * trains every series in it within the invocation's time budget, and writes model artifacts, forecasts and the
 * training status of the upload.
 */
package io.trendcast.train;
