package io.trendcast.aws.keys;

import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyRole;
import io.trendcast.testing.fakes.InMemoryApiKeyStore;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyIssuerTest {

    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(store);

    @Test
    void sellerKeysAreRandomBase64UrlAndStoredOnlyAsTheirHash() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String key = issuer.createForSeller("s1");
            assertTrue(key.matches("[A-Za-z0-9_-]{43}"), key);
            assertTrue(keys.add(key));
            ApiKeyRecord record = store.findByHash(ApiKeyRecord.hash(key)).orElseThrow();
            assertEquals(ApiKeyRole.SELLER, record.role());
            assertEquals("s1", record.seller());
        }
    }

    @Test
    void financeKeysBelongToNoSeller() {
        ApiKeyRecord record = store.findByHash(ApiKeyRecord.hash(issuer.createFinance())).orElseThrow();
        assertEquals(ApiKeyRole.FINANCE, record.role());
        assertNull(record.seller());
    }

    @Test
    void aSellerKeyNeedsASeller() {
        assertThrows(IllegalArgumentException.class, () -> issuer.createForSeller(""));
    }
}
