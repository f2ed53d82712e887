/**
 * Feature engineering for the global model: lags and rolling statistics at the series' frequency, calendar,
 * holiday and shopping-festival calendars per country, price and promotion drivers, store and item attributes and
 * numeric extra columns. Every feature of period {@code t} reads the target only strictly before {@code t}, so
 * features of future periods are computable from what is known in advance.
 */
package io.trendcast.core.features;
