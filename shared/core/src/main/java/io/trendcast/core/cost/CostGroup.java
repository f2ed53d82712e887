package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The sums over the invocations of one group (or of all, the total).
 *
 * @param key           the group: a function, a seller or a day; {@code total} for the total
 * @param invocations   how many invocations
 * @param errors        how many of them failed
 * @param s3Gets        S3 requests at the GET price
 * @param s3Puts        S3 requests at the PUT price
 * @param ddbReadUnits  DynamoDB read request units
 * @param ddbWriteUnits DynamoDB write request units
 * @param cost          GB-seconds and dollars
 */
public record CostGroup(String key, long invocations, long errors, long s3Gets, long s3Puts, BigDecimal ddbReadUnits,
                        BigDecimal ddbWriteUnits, InvocationCost cost) {

    public CostGroup {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ddbReadUnits, "ddbReadUnits");
        Objects.requireNonNull(ddbWriteUnits, "ddbWriteUnits");
        Objects.requireNonNull(cost, "cost");
    }

    /** An empty group. */
    public static CostGroup empty(String key) {
        return new CostGroup(key, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, InvocationCost.ZERO);
    }

    /** This group with {@code record} added. */
    public CostGroup plus(CostRecord record) {
        return new CostGroup(key, invocations + 1, errors + (record.outcome() == Outcome.ERROR ? 1 : 0),
                s3Gets + record.s3Gets(), s3Puts + record.s3Puts(),
                ddbReadUnits.add(BigDecimal.valueOf(record.ddbReadUnits())),
                ddbWriteUnits.add(BigDecimal.valueOf(record.ddbWriteUnits())), cost.plus(record.cost()));
    }
}
