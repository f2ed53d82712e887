package io.trendcast.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A stored API key. Only the SHA-256 of the key is kept; the key itself is shown once, when it is created.
 *
 * @param keyHash   lower-case hex SHA-256 of the key, see {@link #hash(String)}
 * @param role      what the key may read
 * @param seller    the seller of a {@link ApiKeyRole#SELLER} key; {@code null} for a finance key
 * @param revoked   whether the key has been revoked
 * @param createdAt when the key was created
 */
public record ApiKeyRecord(String keyHash, ApiKeyRole role, String seller, boolean revoked, Instant createdAt) {

    public ApiKeyRecord {
        Objects.requireNonNull(keyHash, "keyHash");
        if (!keyHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("keyHash must be 64 lower-case hex digits (a SHA-256)");
        }
        Objects.requireNonNull(role, "role");
        if (role == ApiKeyRole.SELLER && (seller == null || seller.isEmpty())) {
            throw new IllegalArgumentException("a seller key needs a seller");
        }
        if (role == ApiKeyRole.FINANCE && seller != null) {
            throw new IllegalArgumentException("a finance key belongs to no seller, got " + seller);
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, unrevoked key for one seller. */
    public static ApiKeyRecord forSeller(String rawKey, String seller, Instant createdAt) {
        return new ApiKeyRecord(hash(rawKey), ApiKeyRole.SELLER, seller, false, createdAt);
    }

    /** A new, unrevoked finance key. */
    public static ApiKeyRecord forFinance(String rawKey, Instant createdAt) {
        return new ApiKeyRecord(hash(rawKey), ApiKeyRole.FINANCE, null, false, createdAt);
    }

    /** The lower-case hex SHA-256 of the UTF-8 bytes of {@code rawKey}. */
    public static String hash(String rawKey) {
        Objects.requireNonNull(rawKey, "rawKey");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** This record, revoked. */
    public ApiKeyRecord asRevoked() {
        return new ApiKeyRecord(keyHash, role, seller, true, createdAt);
    }
}
