/**
 * The deeptrain function: on {@code features/{seller}/{run}/deepar.json} (written by ingest after all shards of a
 * run), trains DeepAR across all series of the run and writes the artifact, its provenance and every series'
 * forecast and backtest under {@code models/{seller}/{run}/deepar/}. A plain {@code RequestHandler} (no Quarkus) in
 * a container image.
 */
package io.trendcast.deeptrain;
