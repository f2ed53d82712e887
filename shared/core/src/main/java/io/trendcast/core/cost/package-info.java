/**
 * The cost model: what one function invocation costs, from its measured usage and a price table, and how the
 * per-invocation figures add up to a report or project to a monthly bill. Pure and exact: dollars are
 * {@link java.math.BigDecimal}s computed without rounding, so an item's dollars can be recomputed from its own usage
 * figures to the last digit.
 *
 * <ul>
 *   <li>{@link io.trendcast.core.cost.PriceTable} — prices per GB-second, per request and per capacity unit
 *       (defaults: us-east-1 on-demand, FORMATS.md section 6) and the pricing formula.
 *   <li>{@link io.trendcast.core.cost.Usage} and {@link io.trendcast.core.cost.InvocationCost} — what an
 *       invocation used, and its dollars.
 *   <li>{@link io.trendcast.core.cost.CostRecord} — one ledger item (FORMATS.md section 6).
 *   <li>{@link io.trendcast.core.cost.CostReport} — records grouped by function, seller or day, with totals,
 *       cost per forecast served and per series trained; {@link io.trendcast.core.cost.CostCsv} writes it as
 *       RFC 4180 CSV.
 *   <li>{@link io.trendcast.core.cost.CostEstimate} — a monthly projection for a seller of a given size from
 *       measured per-series figures.
 * </ul>
 *
 * <p>The free tier is not deducted anywhere: every figure is the on-demand price of the usage, as if the account
 * had used its free tier up. Data transfer, storage at rest and CloudWatch are not part of the model.
 */
package io.trendcast.core.cost;
