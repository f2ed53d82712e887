/**
 * {@code GET /v1/sellers/{seller}/trends}: the seller's series ranked by forecast growth against recent history,
 * with the strength of each trend, since when it runs, upcoming peaks and festival effects, from one Query of the
 * seller's stored forecasts (projected without their points).
 */
package io.trendcast.api.trend;
