package io.trendcast.core.features;

import io.trendcast.core.series.Frequency;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which features the global model sees; immutable, validated when built.
 *
 * <p>{@code minLag} is the smallest distance between a period and the target values its features read: 1 for the
 * recursive strategy (a forecast feeds the next step's lags), the horizon for the direct strategy (every feature of
 * the whole horizon is read from the observed history).
 *
 * @param lags          target lags, each ≥ {@code minLag}
 * @param windows       rolling-mean/standard-deviation windows ending {@code minLag} periods before the target
 * @param minLag        nearest target value a feature may read
 * @param calendar      whether to add calendar features (day of week, week of year, month, days to month end)
 * @param holidays      festivals to flag
 * @param priceColumn   the covariate holding the price (price level and change features), may be absent
 * @param priceWindow   periods of the "recent price" the price level is compared with
 * @param covariates    covariate names used as features (the union over the seller's series)
 * @param attributes    attribute names used as features
 */
public record FeatureSpec(int[] lags, int[] windows, int minLag, boolean calendar, HolidayCalendar holidays,
                          String priceColumn, int priceWindow, List<String> covariates, List<String> attributes) {

    public FeatureSpec {
        lags = lags.clone();
        windows = windows.clone();
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(priceColumn, "priceColumn");
        covariates = List.copyOf(covariates);
        attributes = List.copyOf(attributes);
        if (minLag < 1) {
            throw new IllegalArgumentException("minLag must be at least 1 (a feature may not read its own target)");
        }
        for (int k : lags) {
            if (k < minLag) {
                throw new IllegalArgumentException("lag " + k + " is nearer than minLag " + minLag);
            }
        }
        for (int w : windows) {
            if (w < 2) {
                throw new IllegalArgumentException("rolling windows need at least 2 periods, was " + w);
            }
        }
        if (priceWindow < 1) {
            throw new IllegalArgumentException("priceWindow must be at least 1");
        }
    }

    @Override
    public int[] lags() {
        return lags.clone();
    }

    @Override
    public int[] windows() {
        return windows.clone();
    }

    /** Largest distance back a feature reads. */
    public int maxLookback() {
        int max = minLag;
        for (int k : lags) {
            max = Math.max(max, k);
        }
        for (int w : windows) {
            max = Math.max(max, minLag + w - 1);
        }
        return max;
    }

    /**
     * The defaults for a frequency and seasonal period: the last few periods, the same period one season ago and
     * its neighbours, and rolling windows of about a month, a quarter and a season.
     *
     * @param minLag 1 for recursive forecasting, the horizon for direct
     */
    public static FeatureSpec defaults(Frequency frequency, int season, int minLag, HolidayCalendar holidays,
                                       List<String> covariates, List<String> attributes) {
        int[] near;
        int[] win;
        switch (frequency) {
            case DAILY -> {
                near = new int[] {1, 2, 3, 4, 5, 6, 7, 14, 21, 28};
                win = new int[] {7, 28, 91};
            }
            case WEEKLY -> {
                near = new int[] {1, 2, 3, 4, 8, 13};
                win = new int[] {4, 13, 52};
            }
            case MONTHLY -> {
                near = new int[] {1, 2, 3, 6};
                win = new int[] {3, 12};
            }
            default -> {
                near = new int[] {1, 2, 3, 4};
                win = new int[] {Math.max(2, season), Math.max(4, 2 * season)};
            }
        }
        TreeSet<Integer> lags = new TreeSet<>();
        for (int k : near) {
            lags.add(k + minLag - 1);
        }
        if (season > 1) {
            for (int k = season - 1; k <= season + 1; k++) {
                int lag = k;
                while (lag < minLag) {
                    lag += season;
                }
                lags.add(lag);
            }
        }
        int[] lagArray = lags.stream().mapToInt(Integer::intValue).toArray();
        return new FeatureSpec(lagArray, win, minLag, frequency.isCalendar(), holidays, "price",
                frequency == Frequency.DAILY ? 28 : frequency == Frequency.WEEKLY ? 8 : 3, covariates, attributes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpec s && Arrays.equals(lags, s.lags) && Arrays.equals(windows, s.windows)
                && minLag == s.minLag && calendar == s.calendar && holidays.festivals().equals(s.holidays.festivals())
                && priceColumn.equals(s.priceColumn) && priceWindow == s.priceWindow && covariates.equals(s.covariates)
                && attributes.equals(s.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(lags), Arrays.hashCode(windows), minLag, calendar, holidays.festivals(),
                priceColumn, priceWindow, covariates, attributes);
    }

    @Override
    public String toString() {
        return "FeatureSpec[lags=" + Arrays.toString(lags) + ", windows=" + Arrays.toString(windows) + ", minLag="
                + minLag + ", calendar=" + calendar + ", holidays=" + holidays.festivals() + ", price=" + priceColumn
                + ", covariates=" + covariates + ", attributes=" + attributes + "]";
    }
}
