package io.trendcast.testing.fakes;

import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RunStore} in concurrent maps; each operation is atomic, as a conditional write is. */
public final class InMemoryRunStore implements RunStore {

    private final Clock clock;
    private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();
    private final Map<String, UploadStatus> uploads = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** A store whose lease checks read {@code clock}. */
    public InMemoryRunStore(Clock clock) {
        this.clock = clock;
    }

    /** A store on the system clock. */
    public InMemoryRunStore() {
        this(Clock.systemUTC());
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, Instant leaseUntil) {
        Instant now = clock.instant();
        boolean[] won = {false};
        runs.compute(idempotencyKey, (key, old) -> {
            if (old == null || old.status() == RunStatus.FAILED
                    || (old.status() == RunStatus.IN_PROGRESS && old.leaseUntil().isBefore(now))) {
                won[0] = true;
                int attempts = old == null ? 1 : old.attempts() + 1;
                return new RunRecord(key, owner, RunStatus.IN_PROGRESS, leaseUntil, "", attempts, now);
            }
            return old;
        });
        return won[0];
    }

    @Override
    public void complete(String idempotencyKey, String owner, String summary) {
        finish(idempotencyKey, owner, RunStatus.COMPLETED, summary);
    }

    @Override
    public void fail(String idempotencyKey, String owner, String reason) {
        finish(idempotencyKey, owner, RunStatus.FAILED, reason);
    }

    private void finish(String idempotencyKey, String owner, RunStatus status, String summary) {
        Instant now = clock.instant();
        runs.compute(idempotencyKey, (key, old) -> {
            if (old == null || old.status() != RunStatus.IN_PROGRESS || !old.owner().equals(owner)) {
                throw new ConflictException("cannot mark run '" + key + "' " + status + ": it is not held by '"
                        + owner + "' (" + (old == null ? "never claimed" : old.status() + " by " + old.owner()) + ")");
            }
            return new RunRecord(key, owner, status, old.leaseUntil(), summary, old.attempts(), now);
        });
    }

    @Override
    public Optional<RunRecord> run(String idempotencyKey) {
        return Optional.ofNullable(runs.get(idempotencyKey));
    }

    @Override
    public void putUploadStatus(UploadStatus status) {
        uploads.put(status.uploadId(), status);
    }

    @Override
    public Optional<UploadStatus> uploadStatus(String uploadId) {
        return Optional.ofNullable(uploads.get(uploadId));
    }

    @Override
    public long datasetVersion(String seller) {
        return versions.getOrDefault(seller, 0L);
    }

    @Override
    public boolean compareAndSetVersion(String seller, long expected, long next) {
        if (next <= expected) {
            throw new IllegalArgumentException("next version " + next + " must exceed expected " + expected);
        }
        boolean[] set = {false};
        versions.compute(seller, (s, current) -> {
            long now = current == null ? 0L : current;
            if (now == expected) {
                set[0] = true;
                return next;
            }
            return current;
        });
        return set[0];
    }
}
