package io.trendcast.aws;

import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The emulators in the mode the local stack runs them ({@code trendcast up --data-dir}): data written before a
 * restart are there after it.
 */
class EmulatorRestartTest {

    @Test
    void dynaliteKeepsTablesAndItemsInItsDataDirectory(@TempDir Path dataDir) {
        TableNames tables = TableNames.withPrefix("");
        String raw = "tc_restart";
        try (DynaliteServer first = DynaliteServer.startPersistent(dataDir);
             AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(null, first.endpoint()))) {
            TableSchemas.createMissing(clients.dynamoDb(), tables);
            new DynamoDbApiKeyStore(clients.dynamoDb(), tables.apiKeys())
                    .create(ApiKeyRecord.forSeller(raw, "s1", Instant.parse("2024-12-01T00:00:00Z")));
        }
        try (DynaliteServer second = DynaliteServer.startPersistent(dataDir);
             AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(null, second.endpoint()))) {
            assertEquals("s1", new DynamoDbApiKeyStore(clients.dynamoDb(), tables.apiKeys())
                    .findByHash(ApiKeyRecord.hash(raw)).orElseThrow().seller());
        }
    }

    @Test
    void s3ProxyKeepsObjectsInItsDataDirectory(@TempDir Path dataDir) throws IOException {
        try (S3ProxyServer first = S3ProxyServer.startFilesystem(dataDir);
             AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(first.endpoint(), null))) {
            clients.s3().createBucket(b -> b.bucket("trendcast-data"));
            new S3BlobStore(clients.s3(), "trendcast-data")
                    .put("uploads/s1/nov sales.csv", "date,sku,qty\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        try (S3ProxyServer second = S3ProxyServer.startFilesystem(dataDir);
             AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(second.endpoint(), null));
             InputStream in = new S3BlobStore(clients.s3(), "trendcast-data").get("uploads/s1/nov sales.csv")) {
            assertEquals("date,sku,qty\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
