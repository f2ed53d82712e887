package io.trendcast.api.auth;

import io.trendcast.core.port.ApiKeyRole;

/**
 * The principal of a request.
 *
 * @param role   what the key may read
 * @param seller the seller of a seller key, {@code null} for a finance key
 */
public record Caller(ApiKeyRole role, String seller) {

    /**
     * Whether this caller may read {@code seller}'s data: a seller key its own seller only. A finance key reads no
     * seller's data (least privilege: FORMATS.md §4 gives finance the cost reports, {@code /v1/costs}, and
     * nothing else).
     */
    public boolean mayRead(String requestedSeller) {
        return role == ApiKeyRole.SELLER && seller != null && seller.equals(requestedSeller);
    }
}
