/**
 * The batch forecasting exchange format (FORMATS.md §3): long CSV input {@code series_id,date,value[,covariates]},
 * per-series metadata, and forecast output in the columns of the reference scorer.
 */
package io.trendcast.core.exchange;
