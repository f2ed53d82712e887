package io.trendcast.core.upload;

/** The verdict on an upload, as the report's {@code status} field writes it (FORMATS.md §2). */
public enum UploadStatusCode {
    /** Every row was read. */
    ACCEPTED,
    /** Some rows were rejected, no more than the threshold allows; the others are used. */
    PARTIAL,
    /** Rejected whole; nothing from the file is applied. */
    REJECTED
}
