package io.trendcast.api.auth;

import io.trendcast.core.port.ApiKeyRole;

/**
 * The principal of a request.
 *
 * @param role   what the key may read
 * @param seller the seller of a seller key, {@code null} for a finance key
 */
public record Caller(ApiKeyRole role, String seller) {

    /** Whether this caller may read {@code seller}'s data: its own seller, or any with the finance role. */
    public boolean mayRead(String requestedSeller) {
        return role == ApiKeyRole.FINANCE || (seller != null && seller.equals(requestedSeller));
    }
}
