package io.trendcast.function.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.S3ProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * S3Proxy and a dynalite that keeps its data in a directory, so a test can stop it and start it again on the same
 * port ({@link #restartDynamo}); the function's SDK clients retry up to 8 times with backoff up to 1 s, as
 * {@code TRENDCAST_AWS_MAX_ATTEMPTS} and {@code TRENDCAST_AWS_MAX_BACKOFF} would set them.
 */
public class RestartableEmulators implements QuarkusTestResourceLifecycleManager {

    private static S3ProxyServer s3;
    private static volatile DynaliteServer dynamo;
    private static Path dataDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("trendcast-restart-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3 = S3ProxyServer.startTransient();
        s3.createBucket(EmulatorsResource.BUCKET);
        dynamo = DynaliteServer.startPersistent(dataDir);
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(s3.endpoint(), dynamo.endpoint()))) {
            TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix(EmulatorsResource.TABLE_PREFIX));
        }
        return Map.of(
                "trendcast.bucket", EmulatorsResource.BUCKET,
                "trendcast.table-prefix", EmulatorsResource.TABLE_PREFIX,
                "trendcast.s3-endpoint", s3.endpoint().toString(),
                "trendcast.dynamodb-endpoint", dynamo.endpoint().toString(),
                "trendcast.aws-max-attempts", "8",
                "trendcast.aws-max-backoff", "PT1S");
    }

    /** Stops dynalite, waits {@code downMillis}, and starts it again on the same port with the same data. */
    static void restartDynamo(long downMillis) throws InterruptedException {
        int port = dynamo.port();
        dynamo.close();
        Thread.sleep(downMillis);
        dynamo = DynaliteServer.startPersistent(dataDir, port);
    }

    @Override
    public void stop() {
        try {
            if (s3 != null) {
                s3.close();
            }
        } finally {
            if (dynamo != null) {
                dynamo.close();
            }
        }
    }
}
