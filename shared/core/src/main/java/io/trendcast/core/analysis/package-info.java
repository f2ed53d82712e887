/**
 * The multivariate analysis report of a seller: what drives sales. Correlation of sales with each driver, principal
 * components of the feature matrix, a fixed-effects regression of log sales on log price and promotion (price
 * elasticity and promotion lift with confidence intervals), and the global model's per-series driver importance.
 */
package io.trendcast.core.analysis;
