package io.trendcast.testing.contract;

import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link BlobStore} must do. Each test works under its own random prefix, so implementations may share
 * one store between tests.
 */
public abstract class BlobStoreContract {

    /** Large enough to need several multipart parts of 5 MiB. */
    protected static final long LARGE = 12L * 1024 * 1024 + 12345;

    private final String root = "contract-" + UUID.randomUUID() + "/";

    /** The store under test. */
    protected abstract BlobStore store();

    /** A key under this test's prefix. */
    protected String key(String name) {
        return root + name;
    }

    @Test
    void putThenGetReturnsTheBytesAndHeadTheirSize() throws IOException {
        byte[] bytes = "date,item_id,quantity\n2024-01-01,a,3\n".getBytes(StandardCharsets.UTF_8);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store().put(key("small.csv"), bytes, "text/csv");
        Instant after = Instant.now();

        try (InputStream in = store().get(key("small.csv"))) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        BlobInfo info = store().head(key("small.csv")).orElseThrow();
        assertEquals(key("small.csv"), info.key());
        assertEquals(bytes.length, info.size());
        assertFalse(info.etag() == null || info.etag().isEmpty() || info.etag().startsWith("\""),
                "etag without quotes: " + info.etag());
        assertTrue(info.lastModified() != null && !info.lastModified().isBefore(before.minusSeconds(2))
                && !info.lastModified().isAfter(after.plusSeconds(2)),
                "creation time (whole seconds on S3) near the put: " + info.lastModified() + " in " + before + ".."
                        + after);
        assertTrue(store().exists(key("small.csv")));
    }

    @Test
    void putReplacesAnExistingObject() throws IOException {
        store().put(key("a.json"), "{\"v\":1}".getBytes(StandardCharsets.UTF_8), "application/json");
        String firstEtag = store().head(key("a.json")).orElseThrow().etag();
        store().put(key("a.json"), "{\"v\":22}".getBytes(StandardCharsets.UTF_8), "application/json");

        try (InputStream in = store().get(key("a.json"))) {
            assertEquals("{\"v\":22}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(firstEtag.equals(store().head(key("a.json")).orElseThrow().etag()));
    }

    @Test
    void missingObjectsAreReportedAsSuch() {
        assertTrue(store().head(key("nothing-here")).isEmpty());
        assertFalse(store().exists(key("nothing-here")));
        assertThrows(NotFoundException.class, () -> store().get(key("nothing-here")).close());
    }

    @Test
    void keysWithSpacesPlusSignsAndNonAsciiRoundTrip() throws IOException {
        List<String> names = List.of("nov sales.csv", "été/ventes 2024+promo.csv", "a%20b&c=d?.csv", "日本/売上.csv");
        for (String name : names) {
            store().put(key(name), name.getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        for (String name : names) {
            try (InputStream in = store().get(key(name))) {
                assertEquals(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertTrue(store().exists(key(name)), name);
        }
        List<String> listed = store().list(root).map(BlobInfo::key).toList();
        assertEquals(names.stream().map(this::key).sorted().toList(), listed);
    }

    @Test
    void listReturnsOnlyThePrefixInKeyOrderWithSizes() {
        for (int i = 0; i < 7; i++) {
            store().put(key("features/part-" + i), new byte[i], "application/octet-stream");
        }
        store().put(key("featuresX"), new byte[1], "application/octet-stream");
        store().put(key("reports/r.json"), new byte[2], "application/json");

        List<BlobInfo> listed = store().list(key("features/")).toList();
        assertEquals(IntStream.range(0, 7).mapToObj(i -> key("features/part-" + i)).toList(),
                listed.stream().map(BlobInfo::key).toList());
        assertEquals(IntStream.range(0, 7).asLongStream().boxed().toList(),
                listed.stream().map(BlobInfo::size).toList());
        assertEquals(0, store().list(key("nope/")).count());
    }

    @Test
    void largeObjectOfKnownLengthStreamsBothWays() {
        String expected = Streams.sha256(Streams.generated(LARGE, 42));
        store().put(key("large-known.bin"), Streams.generated(LARGE, 42), LARGE, "application/octet-stream");

        assertEquals(LARGE, store().head(key("large-known.bin")).orElseThrow().size());
        assertEquals(expected, Streams.sha256(store().get(key("large-known.bin"))));
    }

    @Test
    void largeObjectOfUnknownLengthStreamsBothWays() {
        String expected = Streams.sha256(Streams.generated(LARGE, 7));
        store().put(key("large-unknown.bin"), Streams.generated(LARGE, 7), BlobStore.UNKNOWN_LENGTH,
                "application/octet-stream");

        assertEquals(LARGE, store().head(key("large-unknown.bin")).orElseThrow().size());
        assertEquals(expected, Streams.sha256(store().get(key("large-unknown.bin"))));
    }

    @Test
    void smallStreamOfUnknownLengthAndEmptyObjects() throws IOException {
        byte[] bytes = "tiny".getBytes(StandardCharsets.UTF_8);
        store().put(key("tiny"), new ByteArrayInputStream(bytes), BlobStore.UNKNOWN_LENGTH, "text/plain");
        store().put(key("empty"), new byte[0], "text/plain");

        try (InputStream in = store().get(key("tiny"))) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertEquals(0, store().head(key("empty")).orElseThrow().size());
    }
}
