package io.trendcast.testing.fakes;

import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.NotFoundException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ApiKeyStore} in a concurrent map keyed by hash. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();

    @Override
    public void create(ApiKeyRecord key) {
        if (keys.putIfAbsent(key.keyHash(), key) != null) {
            throw new ConflictException("an API key with hash " + key.keyHash() + " already exists");
        }
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        return Optional.ofNullable(keys.get(keyHash));
    }

    @Override
    public void revoke(String keyHash) {
        if (keys.computeIfPresent(keyHash, (h, k) -> k.asRevoked()) == null) {
            throw new NotFoundException("no API key with hash " + keyHash);
        }
    }
}
