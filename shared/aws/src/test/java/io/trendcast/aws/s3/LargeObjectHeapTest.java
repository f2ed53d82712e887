package io.trendcast.aws.s3;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.core.port.BlobStore;
import io.trendcast.testing.contract.Streams;
import io.trendcast.testing.emulators.S3ProxyServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Objects larger than the whole heap go up and come back: proof that puts and gets stream. Runs in its own
 * surefire execution with {@code -Xmx80m} (see this module's pom), S3Proxy on its filesystem store in the same
 * JVM included.
 */
@Tag("heap-bounded")
class LargeObjectHeapTest {

    private static final long SIZE = 96L * 1024 * 1024;

    @Test
    void objectsLargerThanTheHeapStreamBothWays(@TempDir Path dataDir) {
        assertTrue(Runtime.getRuntime().maxMemory() < SIZE, "run with a heap smaller than the object (-Xmx80m)");
        try (S3ProxyServer server = S3ProxyServer.startFilesystem(dataDir);
             AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(server.endpoint(), null))) {
            clients.s3().createBucket(b -> b.bucket("large"));
            S3BlobStore store = new S3BlobStore(clients.s3(), "large");
            String expected = Streams.sha256(Streams.generated(SIZE, 11));

            store.put("known-length.bin", Streams.generated(SIZE, 11), SIZE, "application/octet-stream");
            assertEquals(expected, Streams.sha256(store.get("known-length.bin")));

            store.put("unknown-length.bin", Streams.generated(SIZE, 11), BlobStore.UNKNOWN_LENGTH,
                    "application/octet-stream");
            assertEquals(expected, Streams.sha256(store.get("unknown-length.bin")));
            assertEquals(SIZE, store.head("unknown-length.bin").orElseThrow().size());
        }
    }
}
