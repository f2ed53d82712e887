package io.trendcast.api.error;

/**
 * Thrown by the API's filters and resources to answer with an error status and body. Each factory names the case
 * it is for; the message goes to the caller as is, so it must hold nothing internal.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    private ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** 400: a path or query parameter is malformed. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** 401: no API key, a malformed one, or one that is unknown or revoked. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    /** 403: the key is valid but may not read this seller. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    /** 404: the seller has no such item, store or upload. */
    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error body. */
    public ErrorBody body() {
        return new ErrorBody(error, getMessage());
    }
}
