package io.trendcast.train.shard;

/**
 * Thrown when a shard or its run manifest cannot be read as agreed with the ingest function: a missing column,
 * a malformed date or number, a manifest value out of range. The message names the object, the line and the
 * field; retrying cannot help, so the event is recorded as failed and the ingest output needs fixing.
 */
public class ShardFormatException extends RuntimeException {

    public ShardFormatException(String message) {
        super(message);
    }

    public ShardFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
