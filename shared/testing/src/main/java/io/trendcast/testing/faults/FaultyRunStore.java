package io.trendcast.testing.faults;

import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@link RunStore} whose writes count as writes of a {@link FaultPlan}; reads pass through. */
public final class FaultyRunStore implements RunStore {

    private final RunStore store;
    private final FaultPlan plan;

    public FaultyRunStore(RunStore store, FaultPlan plan) {
        this.store = Objects.requireNonNull(store, "store");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, Instant leaseUntil) {
        plan.beforeWrite("claim " + idempotencyKey);
        return store.claim(idempotencyKey, owner, leaseUntil);
    }

    @Override
    public void complete(String idempotencyKey, String owner, String summary) {
        plan.beforeWrite("complete " + idempotencyKey);
        store.complete(idempotencyKey, owner, summary);
    }

    @Override
    public void fail(String idempotencyKey, String owner, String reason) {
        plan.beforeWrite("fail " + idempotencyKey);
        store.fail(idempotencyKey, owner, reason);
    }

    @Override
    public Optional<RunRecord> run(String idempotencyKey) {
        return store.run(idempotencyKey);
    }

    @Override
    public void putUploadStatus(UploadStatus status) {
        plan.beforeWrite("upload status " + status.uploadId() + " " + status.state());
        store.putUploadStatus(status);
    }

    @Override
    public Optional<UploadStatus> uploadStatus(String uploadId) {
        return store.uploadStatus(uploadId);
    }

    @Override
    public int addTrainedShard(String runId, int shard) {
        plan.beforeWrite("trained shard " + runId + "/" + shard);
        return store.addTrainedShard(runId, shard);
    }

    @Override
    public boolean updateTraining(String uploadId, String seller, String runId, UploadState state, String message,
                                  Instant updatedAt) {
        plan.beforeWrite("training status " + uploadId + " " + state);
        return store.updateTraining(uploadId, seller, runId, state, message, updatedAt);
    }

    @Override
    public long datasetVersion(String seller) {
        return store.datasetVersion(seller);
    }

    @Override
    public boolean compareAndSetVersion(String seller, long expected, long next) {
        plan.beforeWrite("dataset version " + seller + " " + expected + "->" + next);
        return store.compareAndSetVersion(seller, expected, next);
    }
}
