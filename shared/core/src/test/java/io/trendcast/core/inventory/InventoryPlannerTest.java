package io.trendcast.core.inventory;

import io.trendcast.core.port.StoredForecast.Point;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryPlannerTest {

    private static final double MU = 20;
    private static final double SIGMA = 5;
    /** Standard normal quantiles, R qnorm(0.975), qnorm(0.9), qnorm(0.95), qnorm(0.99). */
    private static final double Z975 = 1.959963984540054;
    private static final double Z90 = 1.2815515655446004;
    private static final double Z95 = 1.6448536269514722;
    private static final double Z99 = 2.3263478740408408;

    /** A forecast of i.i.d. normal demand N(mu, sigma²) per step, with intervals as the models store them. */
    private static List<Point> normalForecast(int steps, int daysPerStep, double mu, double sigma) {
        List<Point> points = new ArrayList<>();
        LocalDate d = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < steps; i++) {
            points.add(new Point(d.plusDays((long) i * daysPerStep), mu, mu - Z90 * sigma, mu, mu + Z90 * sigma,
                    mu - Z90 * sigma, mu + Z90 * sigma, Math.max(0, mu - Z975 * sigma), mu + Z975 * sigma));
        }
        return points;
    }

    @Test
    void reorderPointIsTheAnalyticQuantileOfLeadTimeDemand() {
        // Lead-time demand of 7 i.i.d. N(20, 5²) days is N(140, 5²·7): its 95 % quantile 140 + 1.64485·13.2288.
        InventoryAdvice a = InventoryPlanner.advise(normalForecast(28, 1, MU, SIGMA),
                new InventoryRequest(7, 0.95, 0, Double.NaN));
        double analytic = 7 * MU + Z95 * SIGMA * Math.sqrt(7);
        assertEquals(analytic, a.reorderPoint(), 0.02 * analytic);
        assertEquals(analytic, a.reorderPoint(), 1e-9, "exact for normal steps");
        assertEquals(Z95 * SIGMA * Math.sqrt(7), a.safetyStock(), 1e-9);
        assertEquals(analytic + MU, a.orderUpTo(), 1e-9, "one day's demand on top");
        assertTrue(Double.isNaN(a.suggestedOrderQuantity()));
        assertTrue(a.assumptions().stream().anyMatch(s -> s.contains("stock on hand unknown")));
    }

    @Test
    void weeklyStepsArePartlyCountedAndTheHorizonIsExtended() {
        // Weekly steps of N(140, 13.23²) (a week of the daily demand above); a lead time of 10 days and a review
        // every 3 days take one week and 6/7 of the next: mean 260, variance 13·25; the order adds 3 days' demand.
        InventoryAdvice a = InventoryPlanner.advise(normalForecast(2, 7, 7 * MU, SIGMA * Math.sqrt(7)),
                new InventoryRequest(10, 0.99, 3, 100));
        assertEquals(260, a.leadTimeDemandMean(), 1e-9);
        assertEquals(Math.sqrt(325), a.leadTimeDemandSd(), 1e-9);
        assertEquals(260 + Z99 * Math.sqrt(325), a.reorderPoint(), 1e-9);
        assertEquals(a.reorderPoint() + 3 * MU, a.orderUpTo(), 1e-9);
        InventoryAdvice beyond = InventoryPlanner.advise(normalForecast(2, 7, 7 * MU, SIGMA * Math.sqrt(7)),
                new InventoryRequest(30, 0.99, 0, Double.NaN));
        assertEquals(30 * MU + Z99 * SIGMA * Math.sqrt(30), beyond.reorderPoint(), 1e-9, "30 days, 14 covered");
        assertTrue(beyond.assumptions().stream().anyMatch(s -> s.contains("covers 14 day(s)")));
        assertTrue(a.reorderNow());
        assertEquals(Math.ceil(a.orderUpTo() - 100), a.suggestedOrderQuantity());
    }

    @Test
    void enoughStockMeansNoOrder() {
        InventoryAdvice a = InventoryPlanner.advise(normalForecast(28, 1, MU, SIGMA),
                new InventoryRequest(7, 0.95, 1, 500));
        assertFalse(a.reorderNow());
        assertEquals(0, a.suggestedOrderQuantity());
    }

    /**
     * A simulated year (and 40 years for the rate) of daily N(20, 5²) demand, backordered, under the advice's
     * policy: at each day's review (after its demand), when stock on hand plus on order is at or below the reorder
     * point, order up to the order-up-to level; the order is usable after {@code lead} more days of demand. The fill rate of the year meets the service level,
     * and the share of days ending short is the 5 % the service level allows (within sampling error).
     */
    @Test
    void aSimulatedYearMeetsTheServiceLevel() {
        InventoryAdvice a = InventoryPlanner.advise(normalForecast(28, 1, MU, SIGMA),
                new InventoryRequest(7, 0.95, 1, Double.NaN));
        Random random = new Random(42);
        double[] year = simulate(a, 7, 365, random);
        assertTrue(year[0] >= 0.95, "fill rate of a year " + year[0]);
        double shortDays = 0;
        int years = 40;
        for (int i = 0; i < years; i++) {
            shortDays += simulate(a, 7, 365, random)[1];
        }
        double rate = shortDays / years;
        assertTrue(rate <= 0.05 && rate >= 0.01, "share of days short " + rate);
    }

    /** Returns {fill rate, share of days ending with a backorder}. */
    private static double[] simulate(InventoryAdvice a, int lead, int days, Random random) {
        double onHand = a.orderUpTo();
        double[] arriving = new double[days + lead + 2];
        double onOrder = 0;
        double demanded = 0;
        double served = 0;
        int shortDays = 0;
        for (int d = 0; d < days; d++) {
            onHand += arriving[d];
            onOrder -= arriving[d];
            double demand = Math.max(0, MU + SIGMA * random.nextGaussian());
            demanded += demand;
            served += Math.max(0, Math.min(demand, onHand));
            onHand -= demand;
            if (onHand < 0) {
                shortDays++;
            }
            double position = onHand + onOrder;
            if (position <= a.reorderPoint()) {
                double q = Math.ceil(a.orderUpTo() - position);
                arriving[d + lead + 1] += q;
                onOrder += q;
            }
        }
        return new double[] {served / demanded, (double) shortDays / days};
    }

    @Test
    void requestsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new InventoryRequest(0, 0.95, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new InventoryRequest(7, 1.0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new InventoryRequest(7, 0.95, -1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new InventoryRequest(7, 0.95, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> InventoryPlanner.advise(List.of(),
                new InventoryRequest(7, 0.95, 1, Double.NaN)));
    }
}
