package io.trendcast.function.ingest;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.cost.MeterSettings;
import io.trendcast.aws.cost.UsageCounter;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.event.S3EventDecoder;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.upload.Cadence;
import io.trendcast.core.upload.DatasetUpdater;
import io.trendcast.core.upload.FeaturePublisher;
import io.trendcast.core.upload.UploadParser;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Builds the container's components once, from {@link IngestConfig}: the SDK clients, the stores and the core
 * services. With an S3 or DynamoDB endpoint override (the local stack) the clients use path-style S3 and
 * placeholder credentials, which the local stack accepts; otherwise the default credentials chain.
 */
public class Components {

    @Produces
    @Singleton
    UsageCounter usageCounter() {
        return new UsageCounter();
    }

    @Produces
    @Singleton
    CostMeter costMeter(IngestConfig config, UsageCounter counter, AwsClients clients) {
        MeterSettings settings = MeterSettings.of("ingest", config.cost().memoryMb(),
                config.cost().architecture().orElse(null), config.cost().prices().orElse(null));
        return new CostMeter(settings, counter, new DynamoDbCostLedger(clients.dynamoDb(),
                TableNames.withPrefix(config.tablePrefix().orElse("")).costLedger()));
    }

    @Produces
    @Singleton
    AwsClients clients(IngestConfig config, UsageCounter counter) {
        AwsSettings settings;
        if (config.s3Endpoint().isEmpty() && config.dynamodbEndpoint().isEmpty()) {
            settings = AwsSettings.forRegion(config.region());
        } else {
            AwsSettings local = AwsSettings.forLocalEndpoints(config.s3Endpoint().orElse(null),
                    config.dynamodbEndpoint().orElse(null));
            settings = AwsSettings.builder()
                    .region(config.region())
                    .s3Endpoint(config.s3Endpoint().orElse(null))
                    .dynamoDbEndpoint(config.dynamodbEndpoint().orElse(null))
                    .pathStyle(true)
                    .maxAttempts(local.maxAttempts())
                    .backoff(local.baseDelay(), local.maxBackoff())
                    .staticCredentials(local.accessKey(), local.secretKey())
                    .build();
        }
        return new AwsClients(new AwsSettings(settings.region(), settings.s3Endpoint(), settings.dynamoDbEndpoint(),
                settings.pathStyle(), config.awsMaxAttempts().orElse(settings.maxAttempts()), settings.baseDelay(),
                config.awsMaxBackoff().orElse(settings.maxBackoff()), settings.accessKey(), settings.secretKey()),
                List.of(counter));
    }

    void close(@Disposes AwsClients clients) {
        clients.close();
    }

    @Produces
    @Singleton
    BlobStore blobStore(AwsClients clients, IngestConfig config) {
        return new S3BlobStore(clients.s3(), config.bucket());
    }

    @Produces
    @Singleton
    RunStore runStore(AwsClients clients, IngestConfig config) {
        return new DynamoDbRunStore(clients.dynamoDb(), TableNames.withPrefix(config.tablePrefix().orElse("")).runs());
    }

    @Produces
    @Singleton
    S3EventDecoder decoder() {
        return new S3EventDecoder();
    }

    @Produces
    @Singleton
    UploadParser parser(IngestConfig config) {
        return UploadParser.builder()
                .rejectThreshold(config.rejectThreshold())
                .maxDecompressedBytes(config.maxDecompressedBytes())
                .maxLineBytes(config.maxLineBytes())
                .maxIdLength(config.maxIdLength())
                .maxDaysAhead(config.maxDaysAhead())
                .maxCellsInMemory(config.maxCellsInMemory())
                .tempDir(tempDir(config))
                .build();
    }

    @Produces
    @Singleton
    DatasetUpdater datasetUpdater(BlobStore blobs, RunStore runs, IngestConfig config) {
        return new DatasetUpdater(blobs, runs, tempDir(config), config.claimLease(), config.mergeWait(),
                config.mergeAttempts(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    FeaturePublisher featurePublisher(BlobStore blobs, IngestConfig config) {
        return new FeaturePublisher(blobs, config.shardSize());
    }

    @Produces
    @Singleton
    Cadence cadence(IngestConfig config) {
        return Cadence.defaults()
                .withHorizon(Frequency.DAILY, config.horizon().daily())
                .withHorizon(Frequency.WEEKLY, config.horizon().weekly())
                .withHorizon(Frequency.MONTHLY, config.horizon().monthly());
    }

    private static Path tempDir(IngestConfig config) {
        return Path.of(config.tempDir().orElse(System.getProperty("java.io.tmpdir")));
    }
}
