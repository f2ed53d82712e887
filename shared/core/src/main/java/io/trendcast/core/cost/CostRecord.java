package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One CostLedger item: one function invocation, what it used and what that cost (FORMATS.md section 6, extended
 * by {@code operation}, {@code units}, {@code seriesDays} and {@code error}).
 *
 * @param function          the function's short name: {@code ingest}, {@code train}, {@code api}
 * @param requestId         Lambda's request id of the invocation
 * @param seller            the seller the invocation worked for, or {@code null} when none (health, costs)
 * @param startedAt         when the handler started
 * @param durationMs        measured duration around the handler, in milliseconds (rounded up to the microsecond)
 * @param billedDurationMs  the duration rounded up to the millisecond, at least 1, as Lambda bills it
 * @param memoryMb          configured memory
 * @param architecture      the function's architecture
 * @param coldStart         whether this was the first invocation of its execution environment
 * @param s3Gets            S3 requests at the GET price that the invocation sent (every attempt)
 * @param s3Puts            S3 requests at the PUT price (PUT, COPY, POST, LIST)
 * @param ddbReadUnits      DynamoDB read request units consumed, as DynamoDB reported them
 * @param ddbWriteUnits     DynamoDB write request units consumed, as DynamoDB reported them
 * @param cost              the dollars, {@link PriceTable#cost} of {@link #usage()}
 * @param outcome           how it ended
 * @param error             the error of a failed invocation (type and message), else {@code null}
 * @param operation         what was done: the API route ({@code GET /v1/costs}), or the function name
 * @param units             work done: forecasts served (api), series ingested (ingest), series trained (train)
 * @param seriesDays        series × days of history handled (ingest, train); 0 otherwise
 */
public record CostRecord(String function, String requestId, String seller, Instant startedAt, double durationMs,
                         long billedDurationMs, int memoryMb, Architecture architecture, boolean coldStart,
                         long s3Gets, long s3Puts, double ddbReadUnits, double ddbWriteUnits, InvocationCost cost,
                         Outcome outcome, String error, String operation, long units, long seriesDays) {

    public CostRecord {
        requireText(function, "function");
        requireText(requestId, "requestId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(outcome, "outcome");
        if (!(durationMs >= 0) || billedDurationMs < 1 || units < 0 || seriesDays < 0) {
            throw new IllegalArgumentException("durations must be non-negative (billed at least 1 ms) and work "
                    + "counts non-negative");
        }
        new Usage(architecture, memoryMb, billedDurationMs, s3Gets, s3Puts, ddbReadUnits, ddbWriteUnits);
    }

    /**
     * A record priced by {@code prices}: the billed duration is {@code durationMs} rounded up to the millisecond
     * (at least 1), as Lambda bills.
     */
    public static CostRecord priced(String function, String requestId, String seller, Instant startedAt,
                                    double durationMs, int memoryMb, Architecture architecture, boolean coldStart,
                                    long s3Gets, long s3Puts, double ddbReadUnits, double ddbWriteUnits,
                                    Outcome outcome, String error, String operation, long units, long seriesDays,
                                    PriceTable prices) {
        long billed = billedMillis(durationMs);
        Usage usage = new Usage(architecture, memoryMb, billed, s3Gets, s3Puts, ddbReadUnits, ddbWriteUnits);
        return new CostRecord(function, requestId, seller, startedAt, durationMs, billed, memoryMb, architecture,
                coldStart, s3Gets, s3Puts, ddbReadUnits, ddbWriteUnits, prices.cost(usage), outcome, error, operation,
                units, seriesDays);
    }

    /** Lambda's billed duration for a measured one: rounded up to the millisecond, at least 1 ms. */
    public static long billedMillis(double durationMs) {
        return Math.max(1, (long) Math.ceil(durationMs));
    }

    /** The usage figures the dollars come from. */
    public Usage usage() {
        return new Usage(architecture, memoryMb, billedDurationMs, s3Gets, s3Puts, ddbReadUnits, ddbWriteUnits);
    }

    /** The UTC day the invocation started, the ledger's partition. */
    public LocalDate day() {
        return LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
    }

    /** Total dollars. */
    public BigDecimal totalUsd() {
        return cost.totalUsd();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }
}
