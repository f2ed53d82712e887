/**
 * Real emulators for adapter, function and local-stack tests: {@link io.trendcast.testing.emulators.S3ProxyServer}
 * (S3Proxy in-process) and {@link io.trendcast.testing.emulators.DynaliteServer} (dynalite under Node, installed
 * from {@code infra/local/package.json}). Both bind to a free port on 127.0.0.1 and stop on {@code close()}.
 * Settings follow {@code shared/STACK-NOTES.md}. {@link io.trendcast.testing.emulators.RecordingProxy} sits in front of
 * either and records what the emulator received and answered (request counts, DynamoDB's consumed capacity).
 */
package io.trendcast.testing.emulators;
