package io.trendcast.core.upload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The upload report of FORMATS.md §2, field for field. {@code rejected} holds at most {@link #MAX_LISTED} rows;
 * the quarantine file holds all of them.
 *
 * @param uploadId     the upload's id
 * @param seller       the seller
 * @param source       the uploaded object's key
 * @param status       the verdict
 * @param rowsRead     data rows read (the header and blank lines excluded)
 * @param rowsAccepted rows used
 * @param rowsRejected rows rejected
 * @param rejected     the first rejected rows, at most {@link #MAX_LISTED}
 * @param series       series in the upload
 * @param from         the first day in the upload, or {@code null} when no row was accepted
 * @param to           the last day in the upload, or {@code null}
 * @param frequency    the inferred frequency name ({@code DAILY}, {@code WEEKLY}, …), or {@code null} if rejected
 * @param warnings     things the seller should know that did not reject anything
 * @param runId        the training run started from it, or {@code null} when none was
 */
public record UploadReport(String uploadId, String seller, String source, UploadStatusCode status, long rowsRead,
                           long rowsAccepted, long rowsRejected, List<RejectedRow> rejected, long series,
                           LocalDate from, LocalDate to, String frequency, List<String> warnings, String runId) {

    /** The most rejected rows a report lists. */
    public static final int MAX_LISTED = 1_000;

    public UploadReport {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        rejected = List.copyOf(rejected.size() > MAX_LISTED ? rejected.subList(0, MAX_LISTED) : rejected);
        warnings = List.copyOf(warnings);
    }

    /** A report for a file rejected whole before any row could be counted, e.g. a missing column. */
    public static UploadReport rejectedFile(String uploadId, String seller, String source, String reason) {
        return new UploadReport(uploadId, seller, source, UploadStatusCode.REJECTED, 0, 0, 0, List.of(), 0, null,
                null, null, List.of(reason), null);
    }

    /** This report completed by the dataset merge: the inferred frequency, the run and any further warnings. */
    public UploadReport withRun(String newFrequency, String newRunId, List<String> moreWarnings) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new UploadReport(uploadId, seller, source, status, rowsRead, rowsAccepted, rowsRejected, rejected,
                series, from, to, newFrequency, all, newRunId);
    }
}
