package io.trendcast.aws.s3;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.core.port.BlobStore;
import io.trendcast.testing.contract.BlobStoreContract;
import io.trendcast.testing.emulators.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * {@link S3BlobStore} against S3Proxy on its filesystem store, the one the local stack uses ({@code --data-dir}):
 * the same contract must hold when objects are files.
 */
class S3BlobStoreFilesystemTest extends BlobStoreContract {

    private static final String BUCKET = "trendcast-fs";

    @TempDir
    static Path dataDir;

    private static S3ProxyServer server;
    private static AwsClients clients;
    private static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.startFilesystem(dataDir);
        clients = new AwsClients(AwsSettings.forLocalEndpoints(server.endpoint(), null));
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        store = new S3BlobStore(clients.s3(), BUCKET, 5 * 1024 * 1024, 1000);
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
}
