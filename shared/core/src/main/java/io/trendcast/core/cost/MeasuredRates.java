package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Per-unit usage measured from ledger records, the basis of a {@link CostEstimate}. Ingest and train compute is
 * taken per series-day of history (their work grows with both), their S3 requests per feature shard (objects are
 * read and written per shard; one train invocation is one shard) and their DynamoDB units per series (one forecast
 * item per series); the api's everything per forecast served.
 *
 * @param ingest  ingest usage: GB-s per series-day, S3 requests per shard, DynamoDB units per series
 * @param train   train usage: GB-s per series-day, S3 requests per shard, DynamoDB units per series
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
     * @param gbSecondsPerUnit   GB-seconds per series-day (ingest, train) or forecast served (api)
     * @param s3GetsPerUnit      S3 GET-price requests per shard (ingest, train) or forecast served (api)
     * @param s3PutsPerUnit      S3 PUT-price requests per shard or forecast served
     * @param readUnitsPerUnit   DynamoDB read units per series or forecast served
     * @param writeUnitsPerUnit  DynamoDB write units per series or forecast served
     * @param invocations        how many invocations were measured
     */
    public record Rate(String function, Architecture architecture, int memoryMb, BigDecimal gbSecondsPerUnit,
                       BigDecimal s3GetsPerUnit, BigDecimal s3PutsPerUnit, BigDecimal readUnitsPerUnit,
                       BigDecimal writeUnitsPerUnit, long invocations) {
    }

    /**
     * The rates of successful invocations among {@code records} that did work ({@code units > 0}).
     *
     * @throws IllegalStateException when ingest, train or the api has no such invocation yet
     */
    public static MeasuredRates of(List<CostRecord> records) {
        long shards = measured(records, "train", true).size();
        return new MeasuredRates(rate(records, "ingest", true, shards), rate(records, "train", true, shards),
                rate(records, CostReport.API, false, 0));
    }

    private static List<CostRecord> measured(List<CostRecord> records, String function, boolean perSeriesDay) {
        return records.stream().filter(r -> r.function().equals(function) && r.outcome() == Outcome.OK
                && r.units() > 0 && (!perSeriesDay || r.seriesDays() > 0)).toList();
    }

    private static Rate rate(List<CostRecord> records, String function, boolean perSeriesDay, long shards) {
        List<CostRecord> measured = measured(records, function, perSeriesDay);
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
        BigDecimal requestUnits = perSeriesDay ? BigDecimal.valueOf(shards) : perUnit;
        return new Rate(function, latest.architecture(), latest.memoryMb(), div(gbSeconds, computeUnits),
                div(gets, requestUnits), div(puts, requestUnits), div(reads, perUnit), div(writes, perUnit),
                measured.size());
    }

    private static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64);
    }
}
