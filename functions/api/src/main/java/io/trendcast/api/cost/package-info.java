/**
 * Costs: {@link io.trendcast.api.cost.CostsResource} serves the cost ledger to finance keys
 * ({@code GET /v1/costs}, JSON or CSV), and {@link io.trendcast.api.cost.InvocationMetering} books every request
 * this function serves in that ledger (one item per invocation, the api's own line of glue).
 */
package io.trendcast.api.cost;
