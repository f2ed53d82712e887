package io.trendcast.train.shard;

/**
 * Thrown when a shard arrives but its run manifest is not in the bucket. Ingest writes the manifest before the
 * shards, so this is worth retrying (S3 listing and reads are strongly consistent; a missing manifest usually
 * means a shard written by hand or a deleted run).
 */
public class ManifestMissingException extends RuntimeException {

    public ManifestMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
