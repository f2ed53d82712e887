package io.trendcast.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * The status of one upload, as the API reports it beside the upload report.
 *
 * @param uploadId  the upload's id
 * @param seller    the seller who uploaded it
 * @param sourceKey the uploaded object's key, e.g. {@code uploads/s1/nov.csv}
 * @param state     where it stands
 * @param reportKey the key of its upload report (FORMATS.md §2), or {@code null} before there is one
 * @param runId     the training run it started, or {@code null} before there is one
 * @param message   a human-readable detail (why it failed, what is running), possibly empty
 * @param updatedAt when the status was last written
 */
public record UploadStatus(String uploadId, String seller, String sourceKey, UploadState state, String reportKey,
                           String runId, String message, Instant updatedAt) {

    public UploadStatus {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
