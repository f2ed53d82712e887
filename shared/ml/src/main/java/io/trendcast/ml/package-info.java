/**
 * The global model: one Tribuo regressor (XGBoost gradient-boosted trees, or a linear SGD baseline) fitted across
 * all series of a seller on the core's features ({@link io.trendcast.core.features}), forecasting the whole horizon
 * recursively or directly, with conformal intervals from a backtest, and artifacts that carry Tribuo provenance.
 */
package io.trendcast.ml;
