package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * A month's bill for one seller, projected from {@link MeasuredRates}: every upload runs ingest once and train
 * over every series with its whole history; every forecast request runs the api once. Compute scales with series ×
 * history days, requests with series; a month is 30 days. The free tier is not deducted.
 *
 * @param series          series of the seller
 * @param historyDays     days of history per series
 * @param uploadsPerDay   uploads per day (each retrains every series)
 * @param forecastsPerDay forecast requests per day
 * @param lines           ingest, train, api
 * @param total           their sum
 */
public record CostEstimate(long series, long historyDays, double uploadsPerDay, long forecastsPerDay,
                           List<Line> lines, Line total) {

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
    public static CostEstimate project(MeasuredRates rates, PriceTable prices, long series, long historyDays,
                                       double uploadsPerDay, long forecastsPerDay) {
        if (series < 1 || historyDays < 1 || !(uploadsPerDay >= 0) || forecastsPerDay < 0) {
            throw new IllegalArgumentException("need series >= 1, historyDays >= 1, uploadsPerDay >= 0 and "
                    + "forecastsPerDay >= 0");
        }
        BigDecimal uploads = BigDecimal.valueOf(uploadsPerDay).multiply(BigDecimal.valueOf(DAYS_PER_MONTH));
        BigDecimal n = BigDecimal.valueOf(series);
        BigDecimal seriesDays = n.multiply(BigDecimal.valueOf(historyDays));
        BigDecimal forecasts = BigDecimal.valueOf(forecastsPerDay * DAYS_PER_MONTH);
        Line ingest = line(rates.ingest(), prices, uploads, uploads.multiply(seriesDays), uploads.multiply(n));
        Line train = line(rates.train(), prices, uploads.multiply(n).multiply(rates.train().invocationsPerUnit()),
                uploads.multiply(seriesDays), uploads.multiply(n));
        Line api = line(rates.api(), prices, forecasts, forecasts, forecasts);
        Line total = new Line("total", ingest.invocations().add(train.invocations()).add(api.invocations()),
                ingest.s3Requests().add(train.s3Requests()).add(api.s3Requests()),
                ingest.ddbUnits().add(train.ddbUnits()).add(api.ddbUnits()),
                ingest.cost().plus(train.cost()).plus(api.cost()));
        return new CostEstimate(series, historyDays, uploadsPerDay, forecastsPerDay, List.of(ingest, train, api),
                total);
    }

    private static Line line(MeasuredRates.Rate rate, PriceTable prices, BigDecimal invocations,
                             BigDecimal computeUnits, BigDecimal requestUnits) {
        BigDecimal gets = round(requestUnits.multiply(rate.s3GetsPerUnit()));
        BigDecimal puts = round(requestUnits.multiply(rate.s3PutsPerUnit()));
        BigDecimal reads = round(requestUnits.multiply(rate.readUnitsPerUnit()));
        BigDecimal writes = round(requestUnits.multiply(rate.writeUnitsPerUnit()));
        BigDecimal calls = round(invocations);
        InvocationCost cost = prices.cost(rate.architecture(), round(computeUnits.multiply(rate.gbSecondsPerUnit())),
                calls, gets, puts, reads, writes);
        return new Line(rate.function(), calls, gets.add(puts), reads.add(writes), cost);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.round(MathContext.DECIMAL64);
    }
}
