package io.trendcast.train.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The train function's settings, prefix {@code trendcast}; each one is also an environment variable
 * ({@code trendcast.s3-endpoint} is {@code TRENDCAST_S3_ENDPOINT}). See the module README.
 */
@ConfigMapping(prefix = "trendcast")
public interface TrainConfig {

    /** The deployment's bucket ({@code TRENDCAST_BUCKET}). */
    String bucket();

    /** Prefix of the table names, e.g. {@code trendcast-prod-} ({@code TRENDCAST_TABLE_PREFIX}); none by default. */
    Optional<String> tablePrefix();

    /** The AWS region ({@code TRENDCAST_REGION}, else {@code AWS_REGION}, else us-east-1). */
    String region();

    /** An S3 endpoint for a local emulator ({@code TRENDCAST_S3_ENDPOINT}); AWS's when absent. */
    Optional<URI> s3Endpoint();

    /** A DynamoDB endpoint for a local emulator ({@code TRENDCAST_DYNAMODB_ENDPOINT}); AWS's when absent. */
    Optional<URI> dynamodbEndpoint();

    /** Training settings. */
    Train train();

    /** Settings of the training itself. */
    interface Train {

        /**
         * How long a claim on a shard holds before another invocation may take it over
         * ({@code TRENDCAST_TRAIN_LEASE}); longer than Lambda's 15-minute limit, so a running invocation keeps it.
         */
        @WithDefault("PT16M")
        Duration lease();

        /**
         * Time kept back from the invocation's remaining time for writing artifacts, forecasts and status
         * ({@code TRENDCAST_TRAIN_SAFETY_MARGIN}).
         */
        @WithDefault("PT20S")
        Duration safetyMargin();
    }
}
