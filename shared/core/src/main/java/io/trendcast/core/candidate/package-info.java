/**
 * Candidate results: how a model family (the local {@code auto} of each shard, or a global model fitted across all
 * series of a seller) hands its per-series results to the selection that serves one forecast per series.
 *
 * <p>The serverless path trains a run in two independent ways. Each feature shard is fitted by the local models
 * (fast: the first answer is served from them) and writes its {@link io.trendcast.core.candidate.CandidateResults}
 * with source {@value io.trendcast.core.candidate.CandidateResults#LOCAL} under
 * {@code models/{seller}/{run}/local/part-NNNN.json}. A global model (source {@code tribuo}, later others such as
 * {@code deepar}) is fitted once per run, started by the trigger object {@code features/{seller}/{run}/global/
 * {source}.json} that ingest writes after the shards, and writes one {@code CandidateResults} per shard under
 * {@code models/{seller}/{run}/global/{source}/part-NNNN.json} (see {@link io.trendcast.core.candidate.CandidateKeys}).
 *
 * <p>Every per-series entry carries the same things whatever its source: the forecast over the run's horizon with
 * its interval bounds, and the point forecast of the series' last {@code horizon} observed periods made without
 * them (its backtest), with those observations. {@link io.trendcast.core.candidate.CandidateSelection} compares the
 * sources on that common window and chooses per series (the global model serves a shard's series only when it wins
 * over the shard as a whole, or over the whole run once every shard is in; see
 * {@link io.trendcast.core.select.GlobalSelection}). Whichever result of a shard arrives last runs the selection,
 * whichever completes the run selects it run-wide; the served forecast is replaced only by a selection of at least
 * the same rank (more sources, then run-wide) of the same dataset version, so duplicates, retries and any arrival
 * order end in the same state.
 *
 * <p>A new global model plugs in by writing {@code CandidateResults} under its own source name, with the series
 * keys, horizon, levels and backtest window of the shard it answers; nothing else needs to know it.
 */
package io.trendcast.core.candidate;
