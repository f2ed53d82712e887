package io.trendcast.core.upload;

/**
 * Thrown by {@link UploadParser} when a file is rejected whole (FORMATS.md §1): a required column is missing, the
 * content is not UTF-8 text, a gzip stream is corrupt or truncated, the decompressed size or a line exceeds its
 * limit. Nothing from such a file may be applied; the message tells the seller what to fix.
 */
public class UploadRejectedException extends RuntimeException {

    public UploadRejectedException(String message) {
        super(message);
    }

    public UploadRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
