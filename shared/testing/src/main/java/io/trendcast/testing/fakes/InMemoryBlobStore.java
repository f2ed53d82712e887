package io.trendcast.testing.fakes;

import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.StoreException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} in a sorted map; ETags are the MD5 of the content, as S3 computes for single-part puts, and the
 * creation time is the put's (milliseconds).
 */
public final class InMemoryBlobStore implements BlobStore {

    private record Blob(byte[] bytes, String contentType, String etag, Instant created) {
    }

    private final ConcurrentSkipListMap<String, Blob> blobs = new ConcurrentSkipListMap<>();

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        byte[] copy = bytes.clone();
        blobs.put(key, new Blob(copy, contentType, md5Hex(copy), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    @Override
    public void put(String key, InputStream in, long length, String contentType) {
        try {
            byte[] bytes = in.readAllBytes();
            if (length != UNKNOWN_LENGTH && bytes.length != length) {
                throw new StoreException("put " + key + ": stream held " + bytes.length + " bytes, caller declared "
                        + length);
            }
            put(key, bytes, contentType);
        } catch (IOException e) {
            throw new StoreException("put " + key + ": reading the content failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream get(String key) {
        Blob blob = blobs.get(key);
        if (blob == null) {
            throw new NotFoundException("no object under key '" + key + "'");
        }
        return new ByteArrayInputStream(blob.bytes());
    }

    @Override
    public Stream<BlobInfo> list(String prefix) {
        List<BlobInfo> infos = blobs.tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix))
                .map(InMemoryBlobStore::info)
                .toList();
        return infos.stream();
    }

    @Override
    public Optional<BlobInfo> head(String key) {
        Blob blob = blobs.get(key);
        return blob == null ? Optional.empty() : Optional.of(new BlobInfo(key, blob.bytes().length, blob.etag(),
                blob.created()));
    }

    /** The content type stored with {@code key}, for tests that check what a service wrote. */
    public Optional<String> contentType(String key) {
        return Optional.ofNullable(blobs.get(key)).map(Blob::contentType);
    }

    private static BlobInfo info(Map.Entry<String, Blob> e) {
        return new BlobInfo(e.getKey(), e.getValue().bytes().length, e.getValue().etag(), e.getValue().created());
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
