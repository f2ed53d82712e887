/**
 * Issuing API keys ({@link io.trendcast.aws.keys.ApiKeyIssuer}), as {@code trendcast keys create} and operators
 * do: a random key is shown once, only its SHA-256 is stored.
 */
package io.trendcast.aws.keys;
