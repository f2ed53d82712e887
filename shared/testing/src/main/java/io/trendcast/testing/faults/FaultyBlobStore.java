package io.trendcast.testing.faults;

import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A {@link BlobStore} whose puts count as writes of a {@link FaultPlan}; reads pass through. */
public final class FaultyBlobStore implements BlobStore {

    private final BlobStore store;
    private final FaultPlan plan;

    public FaultyBlobStore(BlobStore store, FaultPlan plan) {
        this.store = Objects.requireNonNull(store, "store");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        plan.beforeWrite("put " + key);
        store.put(key, bytes, contentType);
    }

    @Override
    public void put(String key, InputStream in, long length, String contentType) {
        plan.beforeWrite("put " + key);
        store.put(key, in, length, contentType);
    }

    @Override
    public InputStream get(String key) {
        return store.get(key);
    }

    @Override
    public Stream<BlobInfo> list(String prefix) {
        return store.list(prefix);
    }

    @Override
    public Optional<BlobInfo> head(String key) {
        return store.head(key);
    }
}
