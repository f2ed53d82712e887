/** {@code GET /v1/health}: 200 when the function reaches its Forecasts table, 503 otherwise. No key needed. */
package io.trendcast.api.health;
