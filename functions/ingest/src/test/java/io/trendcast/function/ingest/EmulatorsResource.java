package io.trendcast.function.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.S3ProxyServer;

import java.util.Map;

/**
 * Starts S3Proxy (in memory) with the bucket and dynalite with the tables, and points the function at them through
 * the same properties the local stack sets as environment variables.
 */
public class EmulatorsResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "trendcast-data";
    static final String TABLE_PREFIX = "test-";
    /** The gzip bomb guard the tests run with (the corpus's bomb expands to four times this). */
    static final long MAX_DECOMPRESSED_BYTES = 16L * 1024 * 1024;

    private S3ProxyServer s3;
    private DynaliteServer dynamoDb;

    @Override
    public Map<String, String> start() {
        s3 = S3ProxyServer.startTransient();
        s3.createBucket(BUCKET);
        dynamoDb = DynaliteServer.startInMemory();
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(s3.endpoint(), dynamoDb.endpoint()))) {
            TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix(TABLE_PREFIX));
        }
        return Map.of(
                "trendcast.bucket", BUCKET,
                "trendcast.table-prefix", TABLE_PREFIX,
                "trendcast.s3-endpoint", s3.endpoint().toString(),
                "trendcast.dynamodb-endpoint", dynamoDb.endpoint().toString(),
                "trendcast.shard-size", "15",
                "trendcast.max-decompressed-bytes", Long.toString(MAX_DECOMPRESSED_BYTES));
    }

    @Override
    public void stop() {
        try {
            if (s3 != null) {
                s3.close();
            }
        } finally {
            if (dynamoDb != null) {
                dynamoDb.close();
            }
        }
    }
}
