package io.trendcast.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error response.
 *
 * @param error   a stable machine-readable code, e.g. {@code forbidden}
 * @param message what went wrong and what to do, for a human
 */
public record ErrorBody(String error, String message) {

    /** A JSON response of this body with {@code status}. */
    public Response toResponse(int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }
}
