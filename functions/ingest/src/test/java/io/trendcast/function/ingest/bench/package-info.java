/** Benchmarks run by hand (not tests): see the module README for the commands and the figures measured. */
package io.trendcast.function.ingest.bench;
