package io.trendcast.core.port;

import java.util.Optional;

/** API keys by their SHA-256 hash. */
public interface ApiKeyStore {

    /**
     * Stores a new key.
     *
     * @throws ConflictException when a key with the same hash is already stored
     */
    void create(ApiKeyRecord key);

    /** The key whose hash is {@code keyHash}, revoked or not, or empty when there is none. */
    Optional<ApiKeyRecord> findByHash(String keyHash);

    /**
     * Revokes the key whose hash is {@code keyHash}; revoking a revoked key changes nothing.
     *
     * @throws NotFoundException when there is no such key
     */
    void revoke(String keyHash);
}
