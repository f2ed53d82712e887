package io.trendcast.aws.s3;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.StoreException;
import io.trendcast.testing.contract.BlobStoreContract;
import io.trendcast.testing.contract.Streams;
import io.trendcast.testing.emulators.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link S3BlobStore} against S3Proxy (in-memory store), through the real SDK client. */
class S3BlobStoreTest extends BlobStoreContract {

    private static final String BUCKET = "trendcast-test";
    private static final int MIN_PART = 5 * 1024 * 1024;

    private static S3ProxyServer server;
    private static AwsClients clients;
    private static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.startTransient();
        clients = new AwsClients(AwsSettings.forLocalEndpoints(server.endpoint(), null));
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        store = new S3BlobStore(clients.s3(), BUCKET, MIN_PART, 3);
    }

    @AfterAll
    static void stop() {
        if (clients != null) {
            clients.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void contentTypeIsStoredWithTheObject() {
        store.put(key("report.json"), "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals("application/json",
                clients.s3().headObject(b -> b.bucket(BUCKET).key(key("report.json"))).contentType());
    }

    @Test
    void listingPagesThroughEveryKeyWithSmallPages() {
        List<String> keys = IntStream.range(0, 11).mapToObj(i -> key(String.format("p/%02d", i))).toList();
        for (String k : keys) {
            store.put(k, new byte[] {1}, "application/octet-stream");
        }
        assertEquals(keys, store.list(key("p/")).map(BlobInfo::key).toList());
    }

    @Test
    void unknownLengthStreamsBecomeMultipartUploads() {
        store.put(key("multi.bin"), Streams.generated(LARGE, 3),
                BlobStore.UNKNOWN_LENGTH, "application/octet-stream");
        String etag = store.head(key("multi.bin")).orElseThrow().etag();
        assertTrue(etag.endsWith("-3"), "a 3-part multipart ETag, got " + etag);
    }

    @Test
    void aStreamFailingMidwayAbortsTheMultipartUploadAndStoresNothing() {
        InputStream failing = new SequenceInputStream(Streams.generated(7L * 1024 * 1024, 5), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection to the seller's file reset");
            }
        });
        StoreException e = assertThrows(StoreException.class,
                () -> store.put(key("broken.bin"), failing, BlobStore.UNKNOWN_LENGTH, "application/octet-stream"));
        assertTrue(e.getMessage().contains("connection to the seller's file reset"), e.getMessage());
        assertFalse(store.exists(key("broken.bin")));
        assertTrue(clients.s3().listMultipartUploads(b -> b.bucket(BUCKET).prefix(key(""))).uploads().isEmpty(),
                "no multipart upload left open");
    }

    @Test
    void aMissingBucketIsAStoreErrorNamingTheBucket() {
        S3BlobStore nowhere = new S3BlobStore(clients.s3(), "no-such-bucket");
        StoreException e = assertThrows(StoreException.class,
                () -> nowhere.put("k", new byte[] {1}, "application/octet-stream"));
        assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
        assertThrows(StoreException.class, () -> nowhere.list("").count());
    }
}
