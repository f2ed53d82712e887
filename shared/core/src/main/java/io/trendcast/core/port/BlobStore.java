package io.trendcast.core.port;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects addressed by string keys such as {@code uploads/s1/nov.csv}: one bucket of the deployment. Keys are
 * plain strings (any UTF-8, spaces allowed); implementations encode them as their protocol needs.
 *
 * <p>Reads stream: {@link #get} never loads a whole object into memory, and {@link #list} fetches pages as the
 * returned stream is consumed.
 */
public interface BlobStore {

    /** Length to pass to {@link #put(String, InputStream, long, String)} when the stream's length is not known. */
    long UNKNOWN_LENGTH = -1;

    /**
     * Stores {@code bytes} under {@code key}, replacing any object already there.
     *
     * @throws StoreException when the store refuses or cannot be reached
     */
    void put(String key, byte[] bytes, String contentType);

    /**
     * Stores the content of {@code in} under {@code key}, replacing any object already there. The stream is read to
     * its end but not closed. With {@link #UNKNOWN_LENGTH} the implementation buffers at most one part at a time.
     *
     * @param length the exact number of bytes {@code in} holds, or {@link #UNKNOWN_LENGTH}
     * @throws StoreException when the store refuses, cannot be reached, or the stream cannot be read
     */
    void put(String key, InputStream in, long length, String contentType);

    /**
     * Opens the object under {@code key} for streaming. The caller must close the stream.
     *
     * @throws NotFoundException when there is no such object
     * @throws StoreException    when the store cannot be reached
     */
    InputStream get(String key);

    /**
     * The objects whose keys start with {@code prefix}, in key order. Pages are fetched lazily as the stream is
     * consumed; failures while paging surface as {@link StoreException} from the stream's operations.
     */
    Stream<BlobInfo> list(String prefix);

    /** Size and entity tag of the object under {@code key}, or empty when there is none. */
    Optional<BlobInfo> head(String key);

    /** Whether an object exists under {@code key}. */
    default boolean exists(String key) {
        return head(key).isPresent();
    }
}
