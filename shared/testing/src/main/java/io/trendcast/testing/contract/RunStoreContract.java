package io.trendcast.testing.contract;

import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.testing.fakes.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link RunStore} must do. Keys are random per test, so implementations may share one table. */
public abstract class RunStoreContract {

    private static final Instant START = Instant.parse("2024-12-01T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(15);

    protected final MutableClock clock = new MutableClock(START);
    private RunStore store;

    /** A store whose lease checks and timestamps read {@code clock}. */
    protected abstract RunStore createStore(MutableClock clock);

    @BeforeEach
    void createStore() {
        store = createStore(clock);
    }

    private static String newKey() {
        return "trendcast-data/uploads/s1/" + UUID.randomUUID() + ".csv#e:0123";
    }

    private Instant leaseEnd() {
        return clock.instant().plus(LEASE);
    }

    @Test
    void firstClaimWinsAndLaterClaimsLoseWhileTheLeaseHolds() {
        String key = newKey();
        assertTrue(store.claim(key, "req-1", leaseEnd()));
        assertFalse(store.claim(key, "req-2", leaseEnd()));
        assertFalse(store.claim(key, "req-1", leaseEnd()), "a held claim is not re-entrant");

        RunRecord record = store.run(key).orElseThrow();
        assertEquals(new RunRecord(key, "req-1", RunStatus.IN_PROGRESS, START.plus(LEASE), "", 1, START), record);
    }

    @Test
    void completedWorkIsNeverClaimedAgain() {
        String key = newKey();
        assertTrue(store.claim(key, "req-1", leaseEnd()));
        clock.advance(Duration.ofSeconds(30));
        store.complete(key, "req-1", "{\"rows\":990}");

        clock.advance(Duration.ofDays(1));
        assertFalse(store.claim(key, "req-2", leaseEnd()));
        RunRecord record = store.run(key).orElseThrow();
        assertEquals(RunStatus.COMPLETED, record.status());
        assertEquals("{\"rows\":990}", record.summary());
        assertEquals("req-1", record.owner());
        assertEquals(START.plusSeconds(30), record.updatedAt());
    }

    @Test
    void failedWorkIsClaimableAtOnce() {
        String key = newKey();
        assertTrue(store.claim(key, "req-1", leaseEnd()));
        store.fail(key, "req-1", "S3 timed out");
        assertEquals("S3 timed out", store.run(key).orElseThrow().summary());

        assertTrue(store.claim(key, "req-2", leaseEnd()));
        RunRecord record = store.run(key).orElseThrow();
        assertEquals(RunStatus.IN_PROGRESS, record.status());
        assertEquals("req-2", record.owner());
        assertEquals(2, record.attempts());
        assertEquals("", record.summary());
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFormerOwnerCannotFinish() {
        String key = newKey();
        assertTrue(store.claim(key, "req-1", leaseEnd()));
        clock.advance(LEASE.plusSeconds(1));

        assertTrue(store.claim(key, "req-2", leaseEnd()));
        assertThrows(ConflictException.class, () -> store.complete(key, "req-1", "late"));
        store.complete(key, "req-2", "done");
        assertEquals(RunStatus.COMPLETED, store.run(key).orElseThrow().status());
        assertEquals(2, store.run(key).orElseThrow().attempts());
    }

    @Test
    void finishingUnclaimedOrFinishedWorkIsAConflict() {
        String key = newKey();
        assertThrows(ConflictException.class, () -> store.complete(key, "req-1", "x"));
        assertTrue(store.claim(key, "req-1", leaseEnd()));
        store.complete(key, "req-1", "ok");
        assertThrows(ConflictException.class, () -> store.fail(key, "req-1", "again"));
        assertTrue(store.run(newKey()).isEmpty());
    }

    @Test
    void racingClaimsOnOneKeyHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = newKey();
            AtomicInteger ids = new AtomicInteger();
            List<String> winners = Race.run(8, () -> {
                String owner = "req-" + ids.incrementAndGet();
                return store.claim(key, owner, leaseEnd()) ? owner : null;
            }).stream().filter(w -> w != null).toList();
            assertEquals(1, winners.size(), "winners in round " + round + ": " + winners);
            assertEquals(winners.get(0), store.run(key).orElseThrow().owner());
            assertEquals(1, store.run(key).orElseThrow().attempts());
        }
    }

    @Test
    void uploadStatusIsStoredAndReplaced() {
        String uploadId = UUID.randomUUID().toString();
        assertTrue(store.uploadStatus(uploadId).isEmpty());
        UploadStatus received = new UploadStatus(uploadId, "s1", "uploads/s1/nov sales.csv", UploadState.RECEIVED,
                null, null, "", START);
        store.putUploadStatus(received);
        assertEquals(received, store.uploadStatus(uploadId).orElseThrow());

        UploadStatus training = new UploadStatus(uploadId, "s1", "uploads/s1/nov sales.csv", UploadState.TRAINING,
                "reports/s1/" + uploadId + ".json", "run-1", "4 shards", START.plusSeconds(9));
        store.putUploadStatus(training);
        assertEquals(training, store.uploadStatus(uploadId).orElseThrow());
    }

    @Test
    void datasetVersionMovesOnlyFromTheExpectedValue() {
        String seller = "seller-" + UUID.randomUUID();
        assertEquals(0, store.datasetVersion(seller));
        assertTrue(store.compareAndSetVersion(seller, 0, 1));
        assertFalse(store.compareAndSetVersion(seller, 0, 2));
        assertEquals(1, store.datasetVersion(seller));
        assertTrue(store.compareAndSetVersion(seller, 1, 5));
        assertFalse(store.compareAndSetVersion(seller, 1, 6));
        assertEquals(5, store.datasetVersion(seller));
        assertThrows(IllegalArgumentException.class, () -> store.compareAndSetVersion(seller, 5, 5));
    }

    @Test
    void racingVersionUpdatesHaveExactlyOneWinner() throws Exception {
        String seller = "seller-" + UUID.randomUUID();
        assertTrue(store.compareAndSetVersion(seller, 0, 2));
        AtomicInteger next = new AtomicInteger(2);
        List<Boolean> wins = Race.run(6, () -> store.compareAndSetVersion(seller, 2, next.incrementAndGet()));
        assertEquals(1, wins.stream().filter(w -> w).count(), "winners: " + wins);
        assertTrue(store.datasetVersion(seller) > 2);
    }
}
