/**
 * The ingest function: a Quarkus Lambda on S3 {@code ObjectCreated} events under {@code uploads/}.
 * {@link io.trendcast.function.ingest.IngestHandler} is one line of glue into
 * {@link io.trendcast.function.ingest.IngestService}, which claims each object once, parses and aggregates it
 * ({@code io.trendcast.core.upload}), writes the quarantine, the report, the next dataset version, the run manifest
 * and the feature shards, and records the upload status. Everything is configured by
 * {@link io.trendcast.function.ingest.IngestConfig} (environment variables, see the module README).
 */
package io.trendcast.function.ingest;
