/**
 * Models fitted once across all series of a seller (the global model): the contract the machine-learning module
 * implements, and the adapter that lets a global model serve per-series {@link io.trendcast.core.model.FittedModel}s.
 */
package io.trendcast.core.global;
