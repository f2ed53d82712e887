package io.trendcast.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Run bookkeeping with conditional writes: idempotency claims of at-least-once events, upload status, and the
 * dataset version of each seller. No operation needs a transaction; each is one conditional write.
 */
public interface RunStore {

    /**
     * Tries to claim the work named by {@code idempotencyKey} for {@code owner} until {@code leaseUntil}. The claim
     * is won when no record exists, when the previous attempt {@link RunStatus#FAILED}, or when an
     * {@link RunStatus#IN_PROGRESS} claim's lease has expired. Of callers racing on one key exactly one wins.
     *
     * @return whether this caller won the claim; {@code false} means someone else holds it or it is completed
     * @throws StoreException when the store cannot be reached
     */
    boolean claim(String idempotencyKey, String owner, Instant leaseUntil);

    /**
     * Marks the work completed with a result summary, provided {@code owner} still holds the claim.
     *
     * @throws ConflictException when the claim is not held by {@code owner} (the lease passed to another caller)
     */
    void complete(String idempotencyKey, String owner, String summary);

    /**
     * Marks the work failed (and so claimable again at once), provided {@code owner} still holds the claim.
     *
     * @throws ConflictException when the claim is not held by {@code owner}
     */
    void fail(String idempotencyKey, String owner, String reason);

    /** The record of {@code idempotencyKey}, or empty when it was never claimed. */
    Optional<RunRecord> run(String idempotencyKey);

    /** Writes the status of an upload, replacing the previous one. */
    void putUploadStatus(UploadStatus status);

    /** The status of {@code uploadId}, or empty when the upload is unknown. */
    Optional<UploadStatus> uploadStatus(String uploadId);

    /** The current dataset version of {@code seller}; {@code 0} when the seller has none yet. */
    long datasetVersion(String seller);

    /**
     * Sets the dataset version of {@code seller} to {@code next} if it is still {@code expected} (use {@code 0} for
     * a seller without a version).
     *
     * @return whether the version was set; {@code false} means another writer changed it first
     * @throws IllegalArgumentException when {@code next <= expected}
     */
    boolean compareAndSetVersion(String seller, long expected, long next);
}
