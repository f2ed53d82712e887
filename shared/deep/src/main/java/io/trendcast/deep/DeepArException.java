package io.trendcast.deep;

/**
 * Thrown when DeepAR cannot run: the PyTorch engine does not load (message says why and where it looked), or an
 * artifact cannot be read. Failures of a fit on the data itself are {@link io.trendcast.core.model.ModelException}s.
 */
public final class DeepArException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeepArException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeepArException(String message) {
        super(message);
    }
}
