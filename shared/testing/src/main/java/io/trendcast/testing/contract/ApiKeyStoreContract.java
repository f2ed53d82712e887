package io.trendcast.testing.contract;

import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyRole;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ApiKeyStore} must do. Keys are random per test, so implementations may share a table. */
public abstract class ApiKeyStoreContract {

    private static final Instant CREATED = Instant.parse("2024-12-01T09:00:00Z");

    /** The store under test. */
    protected abstract ApiKeyStore store();

    @Test
    void aSellerKeyIsFoundByTheHashOfTheRawKey() {
        String raw = "tc_" + UUID.randomUUID();
        store().create(ApiKeyRecord.forSeller(raw, "s1", CREATED));

        ApiKeyRecord found = store().findByHash(ApiKeyRecord.hash(raw)).orElseThrow();
        assertEquals(new ApiKeyRecord(ApiKeyRecord.hash(raw), ApiKeyRole.SELLER, "s1", false, CREATED), found);
        assertTrue(store().findByHash(ApiKeyRecord.hash(raw + "x")).isEmpty());
    }

    @Test
    void aFinanceKeyHasNoSeller() {
        String raw = "tc_" + UUID.randomUUID();
        store().create(ApiKeyRecord.forFinance(raw, CREATED));

        ApiKeyRecord found = store().findByHash(ApiKeyRecord.hash(raw)).orElseThrow();
        assertEquals(ApiKeyRole.FINANCE, found.role());
        assertEquals(null, found.seller());
    }

    @Test
    void revokedKeysStayFindableButMarked() {
        String raw = "tc_" + UUID.randomUUID();
        store().create(ApiKeyRecord.forSeller(raw, "s2", CREATED));
        store().revoke(ApiKeyRecord.hash(raw));
        store().revoke(ApiKeyRecord.hash(raw));

        ApiKeyRecord found = store().findByHash(ApiKeyRecord.hash(raw)).orElseThrow();
        assertTrue(found.revoked());
        assertEquals("s2", found.seller());
    }

    @Test
    void aHashIsNeverOverwrittenAndUnknownKeysCannotBeRevoked() {
        String raw = "tc_" + UUID.randomUUID();
        store().create(ApiKeyRecord.forSeller(raw, "s1", CREATED));
        assertThrows(ConflictException.class, () -> store().create(ApiKeyRecord.forFinance(raw, CREATED)));
        assertFalse(store().findByHash(ApiKeyRecord.hash(raw)).orElseThrow().role() == ApiKeyRole.FINANCE);

        assertThrows(NotFoundException.class, () -> store().revoke(ApiKeyRecord.hash("never-created")));
    }
}
