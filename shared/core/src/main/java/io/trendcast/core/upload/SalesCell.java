package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The sales of one series on one day, after transaction lines are aggregated. Missing values are {@code NaN}.
 *
 * @param series     item and optional store
 * @param epochDay   the day, as {@link LocalDate#toEpochDay()}
 * @param quantity   units sold (negative for net returns); {@code NaN} only on explicit gaps of a feature shard
 * @param price      quantity-weighted unit price, or {@code NaN}
 * @param promo      1 when any line of the day was on promotion, 0 when none was, {@code NaN} when unknown
 * @param onHand     the stock level last reported that day, or {@code NaN}
 * @param covariates values of the extra numeric columns, in the order of the table's covariate names; not copied
 */
public record SalesCell(SeriesKey series, int epochDay, double quantity, double price, double promo, double onHand,
                        double[] covariates) {

    private static final double[] NONE = new double[0];

    public SalesCell {
        Objects.requireNonNull(series, "series");
        covariates = covariates == null ? NONE : covariates;
    }

    /** The day as a date. */
    public LocalDate date() {
        return LocalDate.ofEpochDay(epochDay);
    }
}
