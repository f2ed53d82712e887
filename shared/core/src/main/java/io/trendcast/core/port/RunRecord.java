package io.trendcast.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * An idempotency record: who holds the work named by {@code idempotencyKey}, until when, and how it ended.
 *
 * @param idempotencyKey the key of the work (for S3 events: bucket, key, and version id or ETag)
 * @param owner          the caller that holds or last held the claim (for example a Lambda request id)
 * @param status         where the work stands
 * @param leaseUntil     until when the owner's claim of an {@link RunStatus#IN_PROGRESS} run holds
 * @param summary        the result summary given at completion or failure; empty while in progress
 * @param attempts       how many claims have been won on this key, the first one included
 * @param updatedAt      when the record was last written
 */
public record RunRecord(String idempotencyKey, String owner, RunStatus status, Instant leaseUntil, String summary,
                        int attempts, Instant updatedAt) {

    public RunRecord {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
