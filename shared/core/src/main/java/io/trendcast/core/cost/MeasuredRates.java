package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Per-unit usage measured from ledger records, the basis of a {@link CostEstimate}. Training and ingest compute
 * is taken per series-day of history (their work grows with both); their requests and train invocations per
 * series (shards hold a fixed number of series); the api per forecast served.
 *
 * @param ingest  ingest usage per series-day (compute) and per series (requests); invocations per upload
 * @param train   train usage per series-day (compute) and per series (requests, invocations)
 * @param api     api usage per forecast served
 */
public record MeasuredRates(Rate ingest, Rate train, Rate api) {

    public MeasuredRates {
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(api, "api");
    }

    /**
     * What one function used per unit of work.
     *
     * @param function           the function
     * @param architecture       its architecture (of its latest record)
     * @param memoryMb           its memory (of its latest record)
     * @param gbSecondsPerUnit   GB-seconds per compute unit (series-day, or forecast served)
     * @param invocationsPerUnit invocations per request unit (series, or forecast served)
     * @param s3GetsPerUnit      S3 GET-price requests per request unit
     * @param s3PutsPerUnit      S3 PUT-price requests per request unit
     * @param readUnitsPerUnit   DynamoDB read units per request unit
     * @param writeUnitsPerUnit  DynamoDB write units per request unit
     * @param invocations        how many invocations were measured
     */
    public record Rate(String function, Architecture architecture, int memoryMb, BigDecimal gbSecondsPerUnit,
                       BigDecimal invocationsPerUnit, BigDecimal s3GetsPerUnit, BigDecimal s3PutsPerUnit,
                       BigDecimal readUnitsPerUnit, BigDecimal writeUnitsPerUnit, long invocations) {
    }

    /**
     * The rates of successful invocations among {@code records} that did work ({@code units > 0}).
     *
     * @throws IllegalStateException when ingest, train or the api has no such invocation yet
     */
    public static MeasuredRates of(List<CostRecord> records) {
        return new MeasuredRates(rate(records, "ingest", true), rate(records, "train", true),
                rate(records, CostReport.API, false));
    }

    private static Rate rate(List<CostRecord> records, String function, boolean perSeriesDay) {
        List<CostRecord> measured = records.stream().filter(r -> r.function().equals(function)
                && r.outcome() == Outcome.OK && r.units() > 0 && (!perSeriesDay || r.seriesDays() > 0)).toList();
        if (measured.isEmpty()) {
            throw new IllegalStateException("the ledger holds no successful " + function + " invocation that did "
                    + "work; run an upload through the stack first (trendcast demo)");
        }
        BigDecimal gbSeconds = BigDecimal.ZERO;
        BigDecimal gets = BigDecimal.ZERO;
        BigDecimal puts = BigDecimal.ZERO;
        BigDecimal reads = BigDecimal.ZERO;
        BigDecimal writes = BigDecimal.ZERO;
        long units = 0;
        long seriesDays = 0;
        for (CostRecord r : measured) {
            gbSeconds = gbSeconds.add(r.cost().gbSeconds());
            gets = gets.add(BigDecimal.valueOf(r.s3Gets()));
            puts = puts.add(BigDecimal.valueOf(r.s3Puts()));
            reads = reads.add(BigDecimal.valueOf(r.ddbReadUnits()));
            writes = writes.add(BigDecimal.valueOf(r.ddbWriteUnits()));
            units += r.units();
            seriesDays += r.seriesDays();
        }
        CostRecord latest = measured.get(measured.size() - 1);
        BigDecimal perUnit = BigDecimal.valueOf(units);
        BigDecimal computeUnits = perSeriesDay ? BigDecimal.valueOf(seriesDays) : perUnit;
        return new Rate(function, latest.architecture(), latest.memoryMb(), div(gbSeconds, computeUnits),
                div(BigDecimal.valueOf(measured.size()), perUnit), div(gets, perUnit), div(puts, perUnit),
                div(reads, perUnit), div(writes, perUnit), measured.size());
    }

    private static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64);
    }
}
