package io.trendcast.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link BlobStore} knows about one object without reading it.
 *
 * @param key  the object's key
 * @param size its length in bytes
 * @param etag         the store's entity tag (an MD5 for single-part S3 objects), without surrounding quotes
 * @param lastModified when the object was created (S3's {@code LastModified}: whole seconds), or {@code null}
 *                     when the store does not say
 */
public record BlobInfo(String key, long size, String etag, Instant lastModified) {

    public BlobInfo {
        Objects.requireNonNull(key, "key");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size + " for " + key);
        }
    }

    /** An object whose creation time is not known. */
    public BlobInfo(String key, long size, String etag) {
        this(key, size, etag, null);
    }
}
