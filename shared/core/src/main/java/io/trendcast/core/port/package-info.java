/**
 * Ports: the interfaces through which the core and the functions reach storage, and the values they exchange.
 * Pure Java, with no cloud types, so that the same service code runs against the AWS adapters
 * ({@code trendcast-aws}), the local stack, and the in-memory fakes of the test kit.
 *
 * <p>Every port reports failures with {@link io.trendcast.core.port.StoreException} or one of its subclasses, all
 * unchecked. An implementation translates its technology's errors into these, so callers never see an SDK type.
 *
 * <ul>
 *   <li>{@link io.trendcast.core.port.BlobStore} — objects by key (uploads, datasets, features, models, reports).
 *   <li>{@link io.trendcast.core.port.RunStore} — idempotency claims, upload status, dataset versions.
 *   <li>{@link io.trendcast.core.port.ForecastStore} — one stored forecast per series, read by the API.
 *   <li>{@link io.trendcast.core.port.ApiKeyStore} — hashed API keys and the principal each one belongs to.
 * </ul>
 */
package io.trendcast.core.port;
