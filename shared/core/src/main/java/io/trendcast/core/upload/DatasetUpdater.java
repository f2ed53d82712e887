package io.trendcast.core.upload;

import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.StoreException;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Applies an upload to a seller's dataset so that concurrent uploads lose no day. The dataset is the object
 * {@code datasets/{seller}/history-v{N}.csv.gz} where {@code N} is the seller's version in the {@link RunStore}.
 *
 * <p>To produce version {@code N+1} a writer first claims the idempotency key {@code dataset/{seller}/v{N+1}}:
 * only the winner writes {@code history-v{N+1}}, so no two writers ever put the same object. It reads
 * {@code history-vN}, merges the upload ({@link SalesHistory}), puts {@code history-v{N+1}}, then moves the version
 * from {@code N} to {@code N+1} with {@link RunStore#compareAndSetVersion}. A writer that loses the claim waits for
 * the version to move on and starts again from the new one; attempts are bounded. A winner that dies leaves its
 * claim to expire after the lease (set it above the function timeout), and the next writer redoes the step.
 *
 * <p>Each upload is applied once. The marker {@code applied/{seller}/{uploadId}} is claimed before any version is
 * tried and completed with the version once it is published; the version claim is held by
 * {@code {uploadId}/{requestId}}. A retry of an upload that was already applied (the invocation crashed after
 * publishing, before it finished) finds the completed marker, or an incomplete one and its upload id on a version
 * claim, and gets that version's history back instead of a second version: the retry then writes exactly what the
 * first attempt would have written, even when later uploads came in between.
 *
 * <p>Every version's rows name the upload that supplied them ({@link SalesHistory}), in the upload table
 * {@code datasets/{seller}/history-v{N}.uploads.csv} ({@link UploadTable}) written before the history; a history
 * without that table was written before stamps, and its rows count as older than every upload. So a cell is
 * replaced only by a later upload ({@link UploadStamp}), and the same uploads give the same history in any order.
 */
public final class DatasetUpdater {

    private final BlobStore blobs;
    private final RunStore runs;
    private final Path tempDir;
    private final Duration lease;
    private final Duration maxWait;
    private final int maxAttempts;
    private final Clock clock;

    /**
     * @param lease       how long a claim on a version holds; longer than the function can run
     * @param maxWait     how long a writer waits for another to finish its version before giving up
     * @param maxAttempts how many versions a writer tries before giving up
     */
    public DatasetUpdater(BlobStore blobs, RunStore runs, Path tempDir, Duration lease, Duration maxWait,
                          int maxAttempts, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.blobs = blobs;
        this.runs = runs;
        this.tempDir = tempDir;
        this.lease = lease;
        this.maxWait = maxWait;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** The key of a seller's history at {@code version}. */
    public static String historyKey(String seller, long version) {
        return "datasets/" + seller + "/history-v" + version + ".csv.gz";
    }

    /** The key of the upload table of a seller's history at {@code version}. */
    public static String uploadTableKey(String seller, long version) {
        return "datasets/" + seller + "/history-v" + version + ".uploads.csv";
    }

    /**
     * Merges {@code upload} into the seller's current history and publishes the next version.
     *
     * @param stamp     the upload's id and when it was made: an upload already applied is not applied again, and
     *                  its days replace only those of earlier uploads
     * @param requestId who works on it (a request id), for the claims
     * @return the new version with the merged history (or, for an upload applied before, the version it made),
     *         kept in a local file until closed
     * @throws ConflictException when no version could be produced within the attempts and the wait
     * @throws StoreException    when the stores fail
     */
    public Applied apply(String seller, ParsedUpload upload, UploadStamp stamp, String requestId) {
        String uploadId = stamp.uploadId();
        String owner = uploadId + "/" + requestId;
        long applied = appliedVersion(seller, uploadId, runs.datasetVersion(seller));
        if (applied > 0) {
            return reopen(seller, applied, upload, stamp);
        }
        runs.claim(markerKey(seller, uploadId), uploadId, clock.instant().plus(lease));
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            long current = runs.datasetVersion(seller);
            long next = current + 1;
            String claim = claimKey(seller, next);
            if (!runs.claim(claim, owner, clock.instant().plus(lease))) {
                awaitVersionAfter(seller, current);
                continue;
            }
            Applied merged = null;
            boolean published;
            try {
                merged = merge(seller, current, upload.cells(), stamp);
                blobs.put(uploadTableKey(seller, next), tableBytes(merged.uploads()), "text/csv");
                try (InputStream in = Files.newInputStream(merged.file())) {
                    blobs.put(historyKey(seller, next), in, Files.size(merged.file()), "application/gzip");
                }
                published = runs.compareAndSetVersion(seller, current, next);
            } catch (IOException e) {
                fail(claim, owner, merged, e.getMessage());
                throw new UncheckedIOException("cannot write the merged history of " + seller + " under " + tempDir,
                        e);
            } catch (RuntimeException e) {
                fail(claim, owner, merged, e.getMessage());
                throw e;
            }
            if (published) {
                return finishPublished(seller, uploadId, claim, owner, merged.at(next));
            }
            runs.fail(claim, owner, "version of " + seller + " moved past " + current + " meanwhile");
            merged.close();
        }
        throw new ConflictException("could not apply the upload to " + seller + "'s dataset in " + maxAttempts
                + " attempts: other uploads kept changing it; the event should be retried");
    }

    /**
     * Completes the claim of a published version and marks the upload applied. A failure here leaves the version
     * published and its claim with this upload's id, which is how the retry finds it: the claim is not failed.
     */
    private Applied finishPublished(String seller, String uploadId, String claim, String owner, Applied published) {
        try {
            runs.complete(claim, owner, "history-v" + published.version());
            markApplied(seller, uploadId, published.version());
            return published;
        } catch (RuntimeException e) {
            published.close();
            throw e;
        }
    }

    private static String claimKey(String seller, long version) {
        return "dataset/" + seller + "/v" + version;
    }

    private static String markerKey(String seller, String uploadId) {
        return "applied/" + seller + "/" + uploadId;
    }

    /**
     * The version {@code uploadId} was published as, or 0 when it was not applied yet. Without a completed marker
     * (a crash after publishing), the version is found by the upload's id on a version claim: the current one, or
     * any when a marker was claimed but not completed; the marker is completed now.
     */
    private long appliedVersion(String seller, String uploadId, long current) {
        Optional<RunRecord> marker = runs.run(markerKey(seller, uploadId));
        if (marker.isPresent() && marker.get().status() == RunStatus.COMPLETED) {
            return Long.parseLong(marker.get().summary().substring(1));
        }
        long oldest = marker.isPresent() ? 1 : current;
        for (long version = current; version >= oldest && version > 0; version--) {
            Optional<RunRecord> claim = runs.run(claimKey(seller, version));
            if (claim.isPresent() && claim.get().owner().startsWith(uploadId + "/")) {
                markApplied(seller, uploadId, version);
                return version;
            }
        }
        return 0;
    }

    /**
     * Completes the marker of {@code uploadId} with the version it made. The marker is claimed, owned by the upload
     * itself, before any version is tried, so after a crash a retry finds it and can complete it.
     */
    private void markApplied(String seller, String uploadId, long version) {
        String marker = markerKey(seller, uploadId);
        runs.claim(marker, uploadId, clock.instant().plus(lease));
        runs.complete(marker, uploadId, "v" + version);
    }

    /**
     * The published history of {@code version} as an {@link Applied}, for an upload that made it. Merging the
     * upload into the version it made changes nothing (its rows are its own or a later upload's) and counts the
     * days a later upload had already given, as the first attempt did. The upload keeps the stamp it was applied
     * with.
     */
    private Applied reopen(String seller, long version, ParsedUpload upload, UploadStamp stamp) {
        try {
            UploadTable table = readTable(seller, version);
            int recorded = table.indexOf(stamp.uploadId());
            Applied copy = merge(seller, version, upload.cells(), recorded >= 0 ? table.get(recorded) : stamp);
            return copy.at(version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy history-v" + version + " of " + seller + " under " + tempDir,
                    e);
        }
    }

    private static byte[] tableBytes(UploadTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(out);
        return out.toByteArray();
    }

    private void fail(String claim, String owner, Applied applied, String reason) {
        if (applied != null) {
            applied.close();
        }
        runs.fail(claim, owner, reason == null ? "failed" : reason);
    }

    private Applied merge(String seller, long version, CellStream upload, UploadStamp stamp) throws IOException {
        Path file = Files.createTempFile(tempDir, "trendcast-history-", ".csv.gz");
        try (SalesCsv.Reader history = version == 0 ? null : openHistory(seller, version);
             CellStream cells = upload) {
            UploadTable table = version == 0 ? UploadTable.empty() : readTable(seller, version);
            SalesHistory.Result result;
            try (SalesWriterHolder holder = new SalesWriterHolder(file)) {
                result = SalesHistory.merge(history, table, cells, stamp, holder::open);
            }
            return new Applied(0, file, result.summary(), result.uploads(), result.superseded());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The upload table of a version; {@link UploadTable#legacy()} for a version written before stamps. */
    private UploadTable readTable(String seller, long version) {
        String key = uploadTableKey(seller, version);
        try (InputStream in = blobs.get(key)) {
            return UploadTable.read(in, key);
        } catch (NotFoundException e) {
            return UploadTable.legacy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    private SalesCsv.Reader openHistory(String seller, long version) throws IOException {
        String key = historyKey(seller, version);
        try {
            return new SalesCsv.Reader(new GZIPInputStream(blobs.get(key), 1 << 16), key);
        } catch (NotFoundException e) {
            throw new StoreException("dataset version " + version + " of " + seller + " is recorded but " + key
                    + " is missing; restore it or reset the seller's version", e);
        }
    }

    private void awaitVersionAfter(String seller, long version) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long sleep = 50;
        while (runs.datasetVersion(seller) <= version) {
            if (System.nanoTime() > deadline) {
                throw new ConflictException("another upload of " + seller + " holds dataset version " + (version + 1)
                        + " for more than " + maxWait + "; the event should be retried");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException("interrupted while waiting for dataset version " + (version + 1)
                        + " of " + seller, e);
            }
            sleep = Math.min(1000, sleep * 2);
        }
    }

    /** Opens the gzip writer of the merged history once its covariates are known, and closes it. */
    private static final class SalesWriterHolder implements AutoCloseable {
        private final Path file;
        private SalesCsv.Writer writer;

        SalesWriterHolder(Path file) {
            this.file = file;
        }

        SalesCsv.Writer open(List<String> covariates) {
            try {
                writer = new SalesCsv.Writer(new GZIPOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(file), 1 << 16), 1 << 16), covariates, true);
                return writer;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file, e);
            }
        }

        @Override
        public void close() {
            if (writer != null) {
                writer.close();
            }
        }
    }

    /**
     * A published dataset version and its merged history in a local gzip file ({@link SalesCsv} rows with the
     * upload column), deleted on close.
     *
     * @param version    the version published
     * @param file       the merged history
     * @param summary    what it holds
     * @param uploads    its upload table
     * @param superseded days of the upload left out because a later upload already gave them
     */
    public record Applied(long version, Path file, SalesHistory.Summary summary, UploadTable uploads,
                          long superseded) implements AutoCloseable {

        Applied at(long v) {
            return new Applied(v, file, summary, uploads, superseded);
        }

        /** Opens the merged history. */
        public CellStream open() {
            try {
                return new SalesCsv.Reader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                        file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // temporary file
            }
        }
    }
}
