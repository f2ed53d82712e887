package io.trendcast.function.ingest;

import io.trendcast.aws.event.ObjectCreated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an upload's object key says: {@code uploads/{seller}/{name}}. The seller must match
 * {@code [A-Za-z0-9_-]{1,64}}; the name must be a plain file name (no {@code ..}, no further folders, no control
 * characters). The upload id is derived from bucket, key and version (or ETag), so a redelivered event maps to the
 * same id.
 *
 * @param uploadId the first 20 hex digits of the SHA-256 of {@code bucket/key#version-or-etag}
 * @param seller   the seller, or {@link #INVALID_SELLER} when the key is not acceptable
 * @param name     the file name
 * @param problem  why the key is not acceptable, or {@code null}
 */
record UploadKey(String uploadId, String seller, String name, String problem) {

    static final String PREFIX = "uploads/";
    /** Where reports of unacceptable keys go: not a valid seller, so it can collide with none. */
    static final String INVALID_SELLER = "~invalid";
    private static final Pattern SELLER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static UploadKey of(ObjectCreated object) {
        String id = uploadId(object);
        String rest = object.key().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String seller = slash < 0 ? rest : rest.substring(0, slash);
        String name = slash < 0 ? "" : rest.substring(slash + 1);
        if (!SELLER.matcher(seller).matches()) {
            return new UploadKey(id, INVALID_SELLER, name, "the seller folder '" + printable(seller) + "' is not "
                    + "1-64 letters, digits, '_' or '-'; upload to uploads/{seller}/{file}.csv");
        }
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.contains("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return new UploadKey(id, seller, name, "the file name '" + printable(name) + "' is not a plain file "
                    + "name; upload to uploads/" + seller + "/{file}.csv without sub-folders or '..'");
        }
        return new UploadKey(id, seller, name, null);
    }

    boolean valid() {
        return problem == null;
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static String uploadId(ObjectCreated object) {
        String version = object.versionId() != null ? object.versionId() : object.etag();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((object.bucket() + "/" + object.key() + "#"
                    + version).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
