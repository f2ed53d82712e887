package io.trendcast.api.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Optional;

/**
 * The api function's settings, prefix {@code trendcast}; each one is also an environment variable
 * ({@code trendcast.s3-endpoint} is {@code TRENDCAST_S3_ENDPOINT}). See the module README.
 */
@ConfigMapping(prefix = "trendcast")
public interface ApiConfig {

    /** The deployment's bucket, where upload reports are ({@code TRENDCAST_BUCKET}). */
    String bucket();

    /** Prefix of the table names, e.g. {@code trendcast-prod-} ({@code TRENDCAST_TABLE_PREFIX}); none by default. */
    Optional<String> tablePrefix();

    /** The AWS region ({@code TRENDCAST_REGION}, else {@code AWS_REGION}, else us-east-1). */
    String region();

    /** An S3 endpoint for a local emulator ({@code TRENDCAST_S3_ENDPOINT}); AWS's when absent. */
    Optional<URI> s3Endpoint();

    /** A DynamoDB endpoint for a local emulator ({@code TRENDCAST_DYNAMODB_ENDPOINT}); AWS's when absent. */
    Optional<URI> dynamodbEndpoint();

    /** Cost metering. */
    Cost cost();

    /** Cost metering: what the ledger's dollars are computed from. */
    interface Cost {
        /** Configured memory; {@code application.properties} takes Lambda's {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}. */
        int memoryMb();

        /** {@code x86_64} or {@code arm64} ({@code TRENDCAST_COST_ARCHITECTURE}); the JVM's own when absent. */
        Optional<String> architecture();

        /** Price overrides, e.g. {@code s3-thousand-puts=0.0055} ({@code TRENDCAST_COST_PRICES}); defaults otherwise. */
        Optional<String> prices();
    }
}
