package io.trendcast.core.model;

/** Thrown when a model cannot be fitted to a series or cannot forecast from it. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
