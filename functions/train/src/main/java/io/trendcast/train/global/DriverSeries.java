package io.trendcast.train.global;

import io.trendcast.core.upload.FeatureShard;
import io.trendcast.train.shard.ShardSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A shard series with its drivers, one value per period of its grid: price, promotion flag and the upload's numeric
 * covariate columns ({@code NaN} where not reported).
 *
 * @param series  the quantities (and stock) as the local models read them
 * @param price   price per period
 * @param promo   promotion flag per period
 * @param columns further numeric covariates, {@code columns[j][t]}
 */
public record DriverSeries(ShardSeries series, double[] price, double[] promo, double[][] columns) {

    /** From a series as {@link FeatureShard.Reader} reads it. */
    public static DriverSeries of(FeatureShard.Series s) {
        List<LocalDate> dates = new ArrayList<>(s.epochDays().length);
        for (int day : s.epochDays()) {
            dates.add(LocalDate.ofEpochDay(day));
        }
        return new DriverSeries(ShardSeries.withStock(s.key(), dates, s.quantity(), s.onHand()), s.price(),
                s.promo(), s.covariates());
    }
}
