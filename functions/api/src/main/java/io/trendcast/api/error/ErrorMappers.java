package io.trendcast.api.error;

import io.trendcast.core.port.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@link ErrorBody}: the API's own {@link ApiException}s as they are, the framework's
 * (unknown path, wrong method, unreadable request) by status, store failures as 503, anything else as 500. Details
 * of the last two go to the log only.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return e.body().toResponse(e.status());
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> new ErrorBody("not_found", "no such resource; see /q/openapi for the API").toResponse(404);
            case 405 -> new ErrorBody("method_not_allowed", "this resource is read with GET").toResponse(405);
            case 406, 415 -> new ErrorBody("not_acceptable", "the API speaks application/json").toResponse(status);
            default -> status >= 500 ? internal(e) : new ErrorBody("bad_request", "the request cannot be read")
                    .toResponse(status);
        };
    }

    @ServerExceptionMapper
    public Response store(StoreException e) {
        LOG.error("store failure: " + e.getMessage(), e);
        return new ErrorBody("unavailable", "the data store cannot be reached; retry later").toResponse(503);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return internal(e);
    }

    private static Response internal(Exception e) {
        LOG.error("unexpected failure", e);
        return new ErrorBody("internal", "unexpected error; it has been logged").toResponse(500);
    }
}
