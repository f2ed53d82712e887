/**
 * In-memory implementations of the core ports for core and function tests. They keep the ports' semantics
 * (conditional claims, compare-and-set, not-found and conflict errors) and are thread-safe, so they pass the same
 * contract tests ({@code io.trendcast.testing.contract}) as the AWS adapters.
 */
package io.trendcast.testing.fakes;
