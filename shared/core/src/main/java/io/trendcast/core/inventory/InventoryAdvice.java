package io.trendcast.core.inventory;

import java.util.List;

/**
 * Inventory advice for one series. Quantities are in the series' units; {@code NaN} where not computable.
 *
 * @param leadTimeDemandMean     expected demand over the risk period (lead time plus review period)
 * @param leadTimeDemandSd       its standard deviation
 * @param reorderPoint           order when stock on hand (plus on order) falls to this: the service-level quantile
 *                               of demand over the risk period
 * @param safetyStock            the reorder point minus the expected demand over the risk period
 * @param orderUpTo              the stock an order should restore: the reorder point plus the expected demand of
 *                               one review period (at least a day)
 * @param onHand                 the stock on hand used, or {@code NaN} when unknown
 * @param reorderNow             whether {@code onHand} is at or below the reorder point
 * @param suggestedOrderQuantity whole units to order now ({@code orderUpTo − onHand} rounded up when reordering is
 *                               due, else 0); {@code NaN} when the stock on hand is unknown
 * @param assumptions            the assumptions behind the numbers, in words
 */
public record InventoryAdvice(double leadTimeDemandMean, double leadTimeDemandSd, double reorderPoint,
                              double safetyStock, double orderUpTo, double onHand, boolean reorderNow,
                              double suggestedOrderQuantity, List<String> assumptions) {

    public InventoryAdvice {
        assumptions = List.copyOf(assumptions);
    }
}
