package io.trendcast.aws.event;

/**
 * Thrown when an S3 event notification cannot be decoded: not JSON, or a created record without its bucket or
 * key. Retrying such an event cannot help; a handler should log it and return.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
