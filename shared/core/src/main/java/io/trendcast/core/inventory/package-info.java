/**
 * Inventory advice from a stored forecast ({@link io.trendcast.core.inventory.InventoryPlanner}): the distribution
 * of demand over the lead time, reorder point and safety stock at a service level, and the order that brings
 * stock up to cover lead time plus review period. Small and pure, part of the core's {@code ports} jar so the api
 * function computes it from the forecast it reads.
 */
package io.trendcast.core.inventory;
