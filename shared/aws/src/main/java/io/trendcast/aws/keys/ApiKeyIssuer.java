package io.trendcast.aws.keys;

import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * Creates API keys: 32 bytes from a {@link SecureRandom}, base64url without padding (43 characters), stored in an
 * {@link ApiKeyStore} as their SHA-256 with the seller or the finance role. The raw key is returned once and
 * never stored; losing it means creating a new one. Thread-safe.
 */
public final class ApiKeyIssuer {

    /** Random bytes per key: 256 bits. */
    public static final int KEY_BYTES = 32;

    private final ApiKeyStore store;
    private final SecureRandom random;
    private final Clock clock;

    /** An issuer storing keys in {@code store}, drawing from {@code random}, dating keys by {@code clock}. */
    public ApiKeyIssuer(ApiKeyStore store, SecureRandom random, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An issuer on a new {@link SecureRandom} and the system clock. */
    public ApiKeyIssuer(ApiKeyStore store) {
        this(store, new SecureRandom(), Clock.systemUTC());
    }

    /**
     * Creates a key that reads {@code seller}'s data only, and returns it.
     *
     * @throws IllegalArgumentException when {@code seller} is empty
     * @throws io.trendcast.core.port.StoreException when the key cannot be stored
     */
    public String createForSeller(String seller) {
        String key = newKey();
        store.create(ApiKeyRecord.forSeller(key, seller, clock.instant()));
        return key;
    }

    /**
     * Creates a finance key (reads every seller and the cost report), and returns it.
     *
     * @throws io.trendcast.core.port.StoreException when the key cannot be stored
     */
    public String createFinance() {
        String key = newKey();
        store.create(ApiKeyRecord.forFinance(key, clock.instant()));
        return key;
    }

    private String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
