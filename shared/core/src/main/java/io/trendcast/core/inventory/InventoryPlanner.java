package io.trendcast.core.inventory;

import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.stat.Normal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reorder point, safety stock and order quantity from the forecast distribution of demand (Silver, Pyke &amp;
 * Thomas, <i>Inventory and Production Management in Supply Chains</i>, 4th ed., ch. 6: the order-point,
 * order-up-to-level system with normally distributed lead-time demand).
 *
 * <p>Each forecast step covers the days from its date to the next step's date. Its demand is taken as normal with
 * the forecast mean and a standard deviation read from the upper side of the stored intervals
 * ({@code (hi95 − mean) / z₀.₉₇₅}, else {@code (hi80 − mean) / z₀.₉}): the upper side is what running out depends
 * on, and it is not distorted by flooring the lower bound at zero. Demand is spread evenly over a step's days and
 * independent between steps, so over a window the means add and so do the variances, a partial step contributing
 * its share. Stock is looked at every {@code R} days ({@code R = 0}: continuously), so an order placed at a review
 * must cover the demand until the order after it arrives: the risk period is {@code L + R} (Silver, Pyke &amp;
 * Thomas §7.1, the (R, s, S) system). With {@code z} the standard normal quantile of the service level:
 * <pre>
 *   reorder point = μ(L+R) + z·σ(L+R)      safety stock = z·σ(L+R)
 *   order-up-to   = reorder point + μ of the demand over the next max(R, 1) days, starting after the lead time
 *   order now     = ⌈order-up-to − on hand⌉ when on hand ≤ reorder point, else 0
 * </pre>
 * With continuous review the reorder point is the service-level quantile of lead-time demand itself. Days beyond
 * the horizon repeat the last step.
 */
public final class InventoryPlanner {

    private static final double Z95 = Normal.quantile(0.975);
    private static final double Z80 = Normal.quantile(0.9);

    private InventoryPlanner() {
    }

    /**
     * Advice for {@code request} from the forecast {@code points} (in date order, starting the day after the
     * history).
     *
     * @throws IllegalArgumentException when there are no points
     */
    public static InventoryAdvice advise(List<Point> points, InventoryRequest request) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a forecast with no points gives no inventory advice");
        }
        List<String> assumptions = new ArrayList<>();
        double z = Normal.quantile(request.serviceLevel());
        int risk = request.leadTimeDays() + request.reviewDays();
        double[] lead = window(points, risk);
        int cycle = Math.max(1, request.reviewDays());
        double[] cover = window(points, risk + cycle);
        double reorderPoint = lead[0] + z * Math.sqrt(lead[1]);
        double orderUpTo = reorderPoint + cover[0] - lead[0];
        assumptions.add(String.format(Locale.ROOT, "demand over a window is normal, with the forecast means added "
                + "and the forecast variances added (steps independent); z = %.4f for service level %s", z,
                request.serviceLevel()));
        assumptions.add("each step's standard deviation comes from the upper side of its 95% interval (else 80%)");
        assumptions.add("service level is the probability of no stock-out while an order is on its way "
                + "(cycle service level); unmet demand is backordered");
        assumptions.add((request.reviewDays() == 0 ? "stock is watched continuously"
                : "stock is reviewed every " + request.reviewDays() + " day(s)") + " and orders arrive "
                + request.leadTimeDays() + " day(s) after they are placed; nothing else is on order (pass stock on "
                + "order in onHand)");
        if (lead[2] > 0 || cover[2] > 0) {
            assumptions.add(String.format(Locale.ROOT, "the forecast covers %d day(s); later days repeat its last "
                    + "step", coveredDays(points)));
        }
        double onHand = request.onHand();
        boolean reorder = Double.isFinite(onHand) && onHand <= reorderPoint;
        double quantity = Double.NaN;
        if (Double.isFinite(onHand)) {
            quantity = reorder ? Math.max(0, Math.ceil(orderUpTo - onHand - 1e-9)) : 0;
        } else {
            assumptions.add("stock on hand unknown: pass onHand, or upload an on_hand column, for an order "
                    + "quantity");
        }
        return new InventoryAdvice(lead[0], Math.sqrt(lead[1]), reorderPoint, reorderPoint - lead[0], orderUpTo,
                onHand, reorder, quantity, assumptions);
    }

    /** Mean, variance and days beyond the horizon of demand over the first {@code days} days. */
    static double[] window(List<Point> points, int days) {
        double mean = 0;
        double variance = 0;
        double left = days;
        int i = 0;
        while (left > 0) {
            Point p = points.get(Math.min(i, points.size() - 1));
            double stepDays = stepDays(points, Math.min(i, points.size() - 1));
            double share = Math.min(1, left / stepDays);
            double sd = sd(p);
            mean += share * p.mean();
            variance += share * sd * sd;
            left -= stepDays;
            i++;
        }
        double beyond = Math.max(0, days - coveredDays(points));
        return new double[] {mean, variance, beyond};
    }

    private static double stepDays(List<Point> points, int i) {
        if (points.size() == 1) {
            return 1;
        }
        int j = i + 1 < points.size() ? i : i - 1;
        return ChronoUnit.DAYS.between(points.get(j).date(), points.get(j + 1).date());
    }

    private static long coveredDays(List<Point> points) {
        Point last = points.get(points.size() - 1);
        return ChronoUnit.DAYS.between(points.get(0).date(), last.date()) + (long) stepDays(points,
                points.size() - 1);
    }

    private static double sd(Point p) {
        if (Double.isFinite(p.hi95()) && p.hi95() > p.mean()) {
            return (p.hi95() - p.mean()) / Z95;
        }
        if (Double.isFinite(p.hi80()) && p.hi80() > p.mean()) {
            return (p.hi80() - p.mean()) / Z80;
        }
        return 0;
    }
}
