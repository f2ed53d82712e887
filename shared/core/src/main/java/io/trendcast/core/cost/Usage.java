package io.trendcast.core.cost;

import java.util.Objects;

/**
 * What one invocation used, in the units AWS bills.
 *
 * @param architecture     the function's architecture
 * @param memoryMb         the function's configured memory
 * @param billedDurationMs the duration Lambda bills, whole milliseconds
 * @param s3Gets           S3 requests billed at the GET price (GET, HEAD and other reads)
 * @param s3Puts           S3 requests billed at the PUT price (PUT, COPY, POST and LIST)
 * @param ddbReadUnits     DynamoDB read request units consumed
 * @param ddbWriteUnits    DynamoDB write request units consumed
 */
public record Usage(Architecture architecture, int memoryMb, long billedDurationMs, long s3Gets, long s3Puts,
                    double ddbReadUnits, double ddbWriteUnits) {

    public Usage {
        Objects.requireNonNull(architecture, "architecture");
        if (memoryMb < 1) {
            throw new IllegalArgumentException("memoryMb must be positive, got " + memoryMb);
        }
        if (billedDurationMs < 0 || s3Gets < 0 || s3Puts < 0) {
            throw new IllegalArgumentException("durations and request counts cannot be negative");
        }
        if (!(ddbReadUnits >= 0) || !(ddbWriteUnits >= 0) || Double.isInfinite(ddbReadUnits)
                || Double.isInfinite(ddbWriteUnits)) {
            throw new IllegalArgumentException("capacity units must be finite and not negative, got "
                    + ddbReadUnits + " and " + ddbWriteUnits);
        }
    }
}
