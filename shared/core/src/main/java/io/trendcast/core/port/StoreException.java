package io.trendcast.core.port;

/**
 * Thrown by a port when its store cannot carry out a request: the store is unreachable, refuses the credentials,
 * throttles beyond the retry budget, or answers with something the adapter cannot read. The message names the
 * operation, the key or table, and what to check.
 *
 * <p>Subclasses mark the failures a caller is expected to handle: {@link NotFoundException} and
 * {@link ConflictException}.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
