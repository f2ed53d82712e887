/**
 * {@code GET /v1/sellers/{seller}/items/{item}/inventory}: reorder point, safety stock and suggested order from the
 * stored forecast's distribution (core {@code InventoryPlanner}), with the stock on hand from the request or the
 * seller's last upload, and the assumptions in the response.
 */
package io.trendcast.api.inventory;
