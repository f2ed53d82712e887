package io.trendcast.api.auth;

import io.trendcast.api.error.ApiException;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the caller of a request from its API key: {@code Authorization: Bearer <key>}, or else
 * {@code x-api-key: <key>}. The key's SHA-256 is looked up in the ApiKeys table; the stored hash is compared with
 * the computed one in constant time. Every failure is the same 401 to the caller, whatever its cause, so a
 * probe learns nothing about which keys exist or were revoked.
 */
@ApplicationScoped
public class Authenticator {

    /** Printable ASCII without spaces, at most 512 characters: anything else is not a key this API issued. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final String BEARER = "bearer ";

    private final ApiKeyStore keys;

    Authenticator(ApiKeyStore keys) {
        this.keys = keys;
    }

    /**
     * The caller presenting these headers.
     *
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param apiKey        the {@code x-api-key} header, or {@code null}
     * @throws ApiException 401 when there is no key, the key is malformed, unknown or revoked
     */
    public Caller authenticate(String authorization, String apiKey) {
        String key = presentedKey(authorization, apiKey);
        String hash = ApiKeyRecord.hash(key);
        Optional<ApiKeyRecord> record = keys.findByHash(hash);
        if (record.isEmpty() || record.get().revoked() || !MessageDigest.isEqual(
                record.get().keyHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        return new Caller(record.get().role(), record.get().seller());
    }

    private static String presentedKey(String authorization, String apiKey) {
        String key;
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
                throw ApiException.unauthorized("the Authorization header must be 'Bearer <API key>'");
            }
            key = authorization.substring(BEARER.length()).trim();
        } else if (apiKey != null) {
            key = apiKey.trim();
        } else {
            throw ApiException.unauthorized("an API key is required: send 'Authorization: Bearer <key>' or "
                    + "'x-api-key: <key>'");
        }
        if (!KEY.matcher(key).matches()) {
            throw invalid();
        }
        return key;
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("the API key is not valid (unknown, revoked or malformed); ask for a new "
                + "key");
    }
}
