package io.trendcast.core.port;

/** Thrown when a read names a key that does not exist (for example {@link BlobStore#get} of a missing object). */
public class NotFoundException extends StoreException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
