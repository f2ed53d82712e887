/**
 * {@code GET /v1/sellers/{seller}/items/{item}/forecast[?store=…]}: the stored forecast of one series, one
 * DynamoDB GetItem, as the JSON of FORMATS.md §4 ({@link io.trendcast.api.forecast.ForecastResponse}).
 */
package io.trendcast.api.forecast;
