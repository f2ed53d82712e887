package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * A month's bill for one seller, projected from {@link MeasuredRates}: every upload runs ingest once and train
 * once per feature shard, over every series with its whole history; every forecast request runs the api once.
 * Compute scales with series × history days, S3 requests with shards, DynamoDB units with series; a month is 30
 * days. The free tier is not deducted.
 *
 * @param series          series of the seller
 * @param seriesPerShard  series per feature shard (ingest's shard size)
 * @param historyDays     days of history per series
 * @param uploadsPerDay   uploads per day (each retrains every series)
 * @param forecastsPerDay forecast requests per day
 * @param lines           ingest, train, api
 * @param total           their sum
 */
public record CostEstimate(long series, int seriesPerShard, long historyDays, double uploadsPerDay,
                           long forecastsPerDay, List<Line> lines, Line total) {

    /** Days in the projected month. */
    public static final int DAYS_PER_MONTH = 30;

    public CostEstimate {
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
    }

    /**
     * One function's month.
     *
     * @param function    the function, or {@code total}
     * @param invocations projected invocations
     * @param s3Requests  projected S3 requests (both prices)
     * @param ddbUnits    projected DynamoDB request units (read and write)
     * @param cost        GB-seconds and dollars
     */
    public record Line(String function, BigDecimal invocations, BigDecimal s3Requests, BigDecimal ddbUnits,
                       InvocationCost cost) {
    }

    /**
     * The projection.
     *
     * @throws IllegalArgumentException when a size is negative or {@code series} or {@code historyDays} is zero
     */
    public static CostEstimate project(MeasuredRates rates, PriceTable prices, long series, int seriesPerShard,
                                       long historyDays, double uploadsPerDay, long forecastsPerDay) {
        if (series < 1 || seriesPerShard < 1 || historyDays < 1 || !(uploadsPerDay >= 0) || forecastsPerDay < 0) {
            throw new IllegalArgumentException("need series >= 1, seriesPerShard >= 1, historyDays >= 1, "
                    + "uploadsPerDay >= 0 and forecastsPerDay >= 0");
        }
        BigDecimal uploads = BigDecimal.valueOf(uploadsPerDay).multiply(BigDecimal.valueOf(DAYS_PER_MONTH));
        BigDecimal n = BigDecimal.valueOf(series);
        BigDecimal shards = uploads.multiply(BigDecimal.valueOf((series + seriesPerShard - 1) / seriesPerShard));
        BigDecimal seriesDays = uploads.multiply(n).multiply(BigDecimal.valueOf(historyDays));
        BigDecimal forecasts = BigDecimal.valueOf(forecastsPerDay * DAYS_PER_MONTH);
        Line ingest = line(rates.ingest(), prices, uploads, seriesDays, shards, uploads.multiply(n));
        Line train = line(rates.train(), prices, shards, seriesDays, shards, uploads.multiply(n));
        Line api = line(rates.api(), prices, forecasts, forecasts, forecasts, forecasts);
        Line total = new Line("total", ingest.invocations().add(train.invocations()).add(api.invocations()),
                ingest.s3Requests().add(train.s3Requests()).add(api.s3Requests()),
                ingest.ddbUnits().add(train.ddbUnits()).add(api.ddbUnits()),
                ingest.cost().plus(train.cost()).plus(api.cost()));
        return new CostEstimate(series, seriesPerShard, historyDays, uploadsPerDay, forecastsPerDay,
                List.of(ingest, train, api), total);
    }

    private static Line line(MeasuredRates.Rate rate, PriceTable prices, BigDecimal invocations,
                             BigDecimal computeUnits, BigDecimal s3Units, BigDecimal tableUnits) {
        BigDecimal gets = round(s3Units.multiply(rate.s3GetsPerUnit()));
        BigDecimal puts = round(s3Units.multiply(rate.s3PutsPerUnit()));
        BigDecimal reads = round(tableUnits.multiply(rate.readUnitsPerUnit()));
        BigDecimal writes = round(tableUnits.multiply(rate.writeUnitsPerUnit()));
        BigDecimal calls = round(invocations);
        InvocationCost cost = prices.cost(rate.architecture(), round(computeUnits.multiply(rate.gbSecondsPerUnit())),
                calls, gets, puts, reads, writes);
        return new Line(rate.function(), calls, gets.add(puts), reads.add(writes), cost);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.round(MathContext.DECIMAL64);
    }
}
