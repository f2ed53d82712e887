package io.trendcast.core.upload;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * When an upload was made, as the order in which uploads supersede each other: a cell of a seller's history is
 * replaced only by an upload with a later stamp, whatever order the uploads are processed in.
 *
 * <p>Stamps compare by creation time (milliseconds; S3's {@code eventTime} of the object's creation, or its
 * {@code LastModified}, see the ingest function), then by object key, then by S3's {@code sequencer} (hexadecimal,
 * left-padded with zeros before comparing, as AWS documents; it orders events of one key only, which is where it
 * decides), then by version (version id or ETag), then by upload id. So two stamps of different uploads never
 * compare equal, and every processing order agrees on which one is later. {@link #LEGACY} stands for the cells of
 * a history written before stamps existed: it is older than every upload.
 *
 * @param uploadId      the upload's id ({@code LEGACY}'s is {@code legacy})
 * @param createdMillis creation time in epoch milliseconds ({@link Long#MIN_VALUE} for {@link #LEGACY})
 * @param key           the object key ({@code ""} for {@link #LEGACY})
 * @param sequencer     S3's sequencer of the creation event, or {@code null} when unknown
 * @param version       the version id, or the ETag of an unversioned object, or {@code null}
 */
public record UploadStamp(String uploadId, long createdMillis, String key, String sequencer, String version)
        implements Comparable<UploadStamp> {

    /** The cells of a history written before stamps: older than every upload. */
    public static final UploadStamp LEGACY = new UploadStamp("legacy", Long.MIN_VALUE, "", null, null);

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<UploadStamp> ORDER = Comparator.comparingLong(UploadStamp::createdMillis)
            .thenComparing(UploadStamp::key)
            .thenComparing(UploadStamp::sequencer, UploadStamp::compareSequencers)
            .thenComparing(UploadStamp::version, NULLS_FIRST)
            .thenComparing(UploadStamp::uploadId);

    public UploadStamp {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(key, "key");
        if (uploadId.isBlank() || uploadId.indexOf(',') >= 0 || uploadId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("upload id must be a plain non-blank token, got '" + uploadId + "'");
        }
        sequencer = sequencer == null || sequencer.isEmpty() ? null : sequencer;
        version = version == null || version.isEmpty() ? null : version;
        if (sequencer != null && !sequencer.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("sequencer must be hexadecimal, got '" + sequencer + "'");
        }
    }

    /**
     * The stamp of an upload.
     *
     * @param created when the object was created
     */
    public static UploadStamp of(String uploadId, Instant created, String key, String sequencer, String version) {
        Objects.requireNonNull(created, "created");
        return new UploadStamp(uploadId, created.toEpochMilli(), key, sequencer, version);
    }

    /** Whether this is {@link #LEGACY}. */
    public boolean legacy() {
        return createdMillis == Long.MIN_VALUE && uploadId.equals(LEGACY.uploadId);
    }

    /** The creation time, or {@code null} for {@link #LEGACY}. */
    public Instant created() {
        return legacy() ? null : Instant.ofEpochMilli(createdMillis);
    }

    @Override
    public int compareTo(UploadStamp other) {
        return ORDER.compare(this, other);
    }

    /** Whether this upload supersedes {@code other}. */
    public boolean isAfter(UploadStamp other) {
        return compareTo(other) > 0;
    }

    private static int compareSequencers(String a, String b) {
        if (a == null || b == null) {
            return NULLS_FIRST.compare(a, b);
        }
        int width = Math.max(a.length(), b.length());
        return pad(a, width).compareToIgnoreCase(pad(b, width));
    }

    private static String pad(String hex, int width) {
        return "0".repeat(width - hex.length()) + hex;
    }
}
