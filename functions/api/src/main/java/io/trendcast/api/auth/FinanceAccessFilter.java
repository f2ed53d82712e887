package io.trendcast.api.auth;

import io.trendcast.api.error.ApiException;
import io.trendcast.core.port.ApiKeyRole;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Runs before every {@link FinanceOnly} resource: authenticate the key (401), then require the finance role
 * (403 for a seller's key, which never sees another seller's costs, nor its own through this resource).
 */
@Provider
@FinanceOnly
@Priority(Priorities.AUTHENTICATION)
public class FinanceAccessFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;

    FinanceAccessFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = authenticator.authenticate(request.getHeaderString("Authorization"),
                request.getHeaderString("x-api-key"));
        if (caller.role() != ApiKeyRole.FINANCE) {
            throw ApiException.forbidden("the cost report needs a finance key; seller keys may not read it");
        }
    }
}
