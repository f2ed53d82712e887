package io.trendcast.core.inventory;

/**
 * What a seller asks inventory advice for.
 *
 * @param leadTimeDays days from placing an order to receiving it, 1 to 365
 * @param serviceLevel the probability of not running out before an order arrives (cycle service level),
 *                     0.5 to 0.999
 * @param reviewDays   days between two looks at the stock (orders are placed at reviews), 0 (continuous review)
 *                     to 365
 * @param onHand       the stock on hand now, or {@code NaN} when not known
 */
public record InventoryRequest(int leadTimeDays, double serviceLevel, int reviewDays, double onHand) {

    /** Default service level. */
    public static final double DEFAULT_SERVICE_LEVEL = 0.95;
    /** Default review period: stock is watched continuously. */
    public static final int DEFAULT_REVIEW_DAYS = 0;

    public InventoryRequest {
        if (leadTimeDays < 1 || leadTimeDays > 365) {
            throw new IllegalArgumentException("leadTimeDays must be 1 to 365, was " + leadTimeDays);
        }
        if (!(serviceLevel >= 0.5 && serviceLevel <= 0.999)) {
            throw new IllegalArgumentException("serviceLevel must be 0.5 to 0.999, was " + serviceLevel);
        }
        if (reviewDays < 0 || reviewDays > 365) {
            throw new IllegalArgumentException("reviewDays must be 0 to 365, was " + reviewDays);
        }
        if (onHand < 0 || Double.isInfinite(onHand)) {
            throw new IllegalArgumentException("onHand must be a non-negative number, was " + onHand);
        }
    }
}
