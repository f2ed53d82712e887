package io.trendcast.function.ingest;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.testing.faults.FaultPlan;
import io.trendcast.testing.faults.FaultyBlobStore;
import io.trendcast.testing.faults.FaultyRunStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * In the tests the function's stores are the emulator adapters of {@link Components} wrapped in the test kit's
 * faulty stores, disarmed until a test arms the {@link FaultPlan}: every test runs the real code paths.
 */
public class FaultyStores {

    @Produces
    @Singleton
    FaultPlan plan() {
        return new FaultPlan();
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    BlobStore blobStore(AwsClients clients, IngestConfig config, FaultPlan plan) {
        return new FaultyBlobStore(new S3BlobStore(clients.s3(), config.bucket()), plan);
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    RunStore runStore(AwsClients clients, IngestConfig config, FaultPlan plan) {
        return new FaultyRunStore(new DynamoDbRunStore(clients.dynamoDb(),
                TableNames.withPrefix(config.tablePrefix().orElse("")).runs()), plan);
    }
}
