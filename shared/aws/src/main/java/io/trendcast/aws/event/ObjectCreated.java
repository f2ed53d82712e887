package io.trendcast.aws.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One object-created notification of S3, with the object key already URL-decoded.
 *
 * @param bucket    the bucket name
 * @param key       the object key, decoded ({@code uploads/s1/nov sales.csv}, not {@code nov+sales.csv})
 * @param size      the object size in bytes
 * @param etag      the object's ETag, without quotes
 * @param versionId the version id, or {@code null} when the bucket is not versioned
 * @param sequencer S3's ordering token for events on the same key (hex; compare with {@link #isAfter})
 * @param eventTime when S3 finished creating the object (the record's {@code eventTime}, milliseconds), or
 *                  {@code null} when the event does not say
 */
public record ObjectCreated(String bucket, String key, long size, String etag, String versionId, String sequencer,
                            Instant eventTime) {

    public ObjectCreated {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (versionId != null && versionId.isEmpty()) {
            versionId = null;
        }
    }

    /** An event without its time. */
    public ObjectCreated(String bucket, String key, long size, String etag, String versionId, String sequencer) {
        this(bucket, key, size, etag, versionId, sequencer, null);
    }

    /**
     * The key under which processing this object is claimed: bucket, key, and the version id when the bucket is
     * versioned or else the ETag. Redelivery of the same event gives the same key; a new upload to the same key
     * gives a new one.
     */
    public String idempotencyKey() {
        String version = versionId != null ? "v:" + versionId : "e:" + etag;
        return bucket + "/" + key + "#" + version;
    }

    /**
     * The upload id of this object: the first 20 hex digits of the SHA-256 of {@code bucket/key#version}, where
     * version is the version id when the bucket is versioned and else the ETag (the ingest function's definition),
     * so a redelivered event names the same upload and the command line can tell a seller the id before ingest
     * runs.
     */
    public String uploadId() {
        String version = versionId != null ? versionId : etag;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key + "#" + version).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Whether this event happened after {@code other} on the same key, by S3's sequencer: hexadecimal values
     * compared after left-padding the shorter with zeros (AWS's documented rule).
     *
     * @throws IllegalArgumentException when the events concern different objects or lack a sequencer
     */
    public boolean isAfter(ObjectCreated other) {
        if (!bucket.equals(other.bucket) || !key.equals(other.key)) {
            throw new IllegalArgumentException("sequencers order events of one key only: " + bucket + "/" + key
                    + " vs " + other.bucket + "/" + other.key);
        }
        if (sequencer == null || other.sequencer == null) {
            throw new IllegalArgumentException("both events need a sequencer to be ordered");
        }
        int width = Math.max(sequencer.length(), other.sequencer.length());
        return pad(sequencer, width).compareToIgnoreCase(pad(other.sequencer, width)) > 0;
    }

    private static String pad(String hex, int width) {
        return "0".repeat(width - hex.length()) + hex;
    }
}
