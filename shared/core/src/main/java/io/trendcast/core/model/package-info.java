/**
 * The {@link io.trendcast.core.model.Forecaster} contract that every model implements, and the
 * {@link io.trendcast.core.model.Forecast} it produces. Model families live in sub-packages named after their
 * algorithm.
 */
package io.trendcast.core.model;
