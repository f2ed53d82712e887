package io.trendcast.core.port;

/**
 * Thrown when a conditional write finds the record changed by another caller: a run record whose claim has passed
 * to another owner, or a key that already exists where a new one was expected.
 */
public class ConflictException extends StoreException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
