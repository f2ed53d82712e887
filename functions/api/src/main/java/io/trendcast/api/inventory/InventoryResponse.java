package io.trendcast.api.inventory;

import java.util.List;

/**
 * The inventory JSON. Quantities are in the item's units; {@code null} where not computable.
 *
 * @param seller                 the seller
 * @param item                   the item
 * @param store                  the store, or {@code null}
 * @param leadTimeDays           lead time used
 * @param serviceLevel           service level used
 * @param reviewDays             review period used (0: continuous)
 * @param leadTimeDemand         mean and standard deviation of demand over lead time plus review period
 * @param reorderPoint           reorder when stock falls to this
 * @param safetyStock            reorder point minus expected demand
 * @param orderUpTo              the stock an order restores
 * @param onHand                 stock on hand used, or {@code null}
 * @param onHandSource           {@code request}, {@code upload} (with its date) or {@code unknown}
 * @param onHandDate             the date of the uploaded stock level, or {@code null}
 * @param reorderNow             whether the stock on hand is at or below the reorder point
 * @param suggestedOrderQuantity whole units to order now, {@code null} when the stock on hand is unknown
 * @param forecastGeneratedAt    when the forecast used was produced
 * @param runId                  the training run of that forecast
 * @param assumptions            the assumptions, in words
 */
public record InventoryResponse(String seller, String item, String store, int leadTimeDays, double serviceLevel,
                                int reviewDays, Demand leadTimeDemand, Double reorderPoint, Double safetyStock,
                                Double orderUpTo, Double onHand, String onHandSource, String onHandDate,
                                boolean reorderNow, Double suggestedOrderQuantity, String forecastGeneratedAt,
                                String runId, List<String> assumptions) {

    /** Mean and standard deviation of demand. */
    public record Demand(Double mean, Double sd) {
    }
}
