package io.trendcast.train;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.S3ProxyServer;

import java.util.Map;

/**
 * Starts S3Proxy (in memory) and dynalite for a {@code @QuarkusTest}, creates the bucket and the tables, and
 * points the function's configuration at them, as the local stack does with environment variables.
 */
public class Emulators implements QuarkusTestResourceLifecycleManager {

    /** The bucket of {@code events/s3-put-features.json}. */
    public static final String BUCKET = "trendcast-data";
    /** The table name prefix of the tests. */
    public static final String TABLE_PREFIX = "test-";

    private S3ProxyServer s3;
    private DynaliteServer dynamo;

    @Override
    public Map<String, String> start() {
        s3 = S3ProxyServer.startTransient();
        s3.createBucket(BUCKET);
        dynamo = DynaliteServer.startInMemory();
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(s3.endpoint(), dynamo.endpoint()))) {
            TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix(TABLE_PREFIX));
        }
        return Map.of(
                "trendcast.bucket", BUCKET,
                "trendcast.table-prefix", TABLE_PREFIX,
                "trendcast.s3-endpoint", s3.endpoint().toString(),
                "trendcast.dynamodb-endpoint", dynamo.endpoint().toString());
    }

    @Override
    public void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }
}
