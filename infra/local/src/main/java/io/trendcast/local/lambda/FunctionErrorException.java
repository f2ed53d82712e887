package io.trendcast.local.lambda;

/**
 * An invocation that did not return a response: the handler threw ({@code errorType} is the exception class),
 * the function timed out ({@code Sandbox.Timedout}), its JVM exited ({@code Runtime.ExitError}) or failed to
 * initialise (the runtime's init error type). {@link #payload()} is the error document the runtime posted, or one
 * built in the same shape.
 */
public final class FunctionErrorException extends RuntimeException {

    private final String function;
    private final String errorType;
    private final String payload;

    public FunctionErrorException(String function, String errorType, String message, String payload) {
        super(function + ": " + errorType + ": " + message);
        this.function = function;
        this.errorType = errorType;
        this.payload = payload;
    }

    /** The function that failed. */
    public String function() {
        return function;
    }

    /** The error type, as Lambda reports it in {@code X-Amz-Function-Error} and the payload's {@code errorType}. */
    public String errorType() {
        return errorType;
    }

    /** The error document ({@code {"errorMessage":…,"errorType":…}}). */
    public String payload() {
        return payload;
    }
}
