/**
 * The deeptrain function, a global model of the candidate exchange ({@code io.trendcast.core.candidate}): on
 * {@code features/{seller}/{run}/global/deepar.json} (written by ingest after all shards of a run when its global
 * models include {@code deepar}), trains DeepAR across all series of the run and writes the artifact, one
 * {@code CandidateResults} per shard and the provenance under {@code models/{seller}/{run}/global/deepar/}. A plain
 * {@code RequestHandler} (no Quarkus) in a container image.
 */
package io.trendcast.deeptrain;
