package io.trendcast.api.auth;

import io.trendcast.api.error.ApiException;
import io.trendcast.core.port.ApiKeyRole;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs before every {@link SellerScoped} resource, in this order: authenticate the key (401), check the ids in the
 * path and the {@code store} query parameter (400), check the caller may read the seller (403). So a request
 * without a valid key learns nothing, and a seller key never reaches another seller's data.
 */
@Provider
@SellerScoped
@Priority(Priorities.AUTHENTICATION)
public class SellerAccessFilter implements ContainerRequestFilter {

    /** Ids of sellers, items, stores and uploads. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Authenticator authenticator;

    SellerAccessFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = authenticator.authenticate(request.getHeaderString("Authorization"),
                request.getHeaderString("x-api-key"));
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        for (Map.Entry<String, List<String>> param : path.entrySet()) {
            requireId(param.getKey(), param.getValue().get(0));
        }
        String store = request.getUriInfo().getQueryParameters().getFirst("store");
        if (store != null) {
            requireId("store", store);
        }
        String seller = path.getFirst("seller");
        if (!caller.mayRead(seller)) {
            throw ApiException.forbidden(caller.role() == ApiKeyRole.FINANCE
                    ? "a finance key reads the cost reports (/v1/costs) only, not sellers' data"
                    : "this API key may not read seller '" + seller + "'");
        }
    }

    private static void requireId(String name, String value) {
        if (!ID.matcher(value).matches()) {
            throw ApiException.badRequest(name + " must be 1 to 128 of letters, digits, '.', '_' and '-'");
        }
    }
}
