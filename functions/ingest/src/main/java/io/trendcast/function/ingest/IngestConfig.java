package io.trendcast.function.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The function's configuration, the only place environment variables are read: each property
 * {@code trendcast.x-y} is also the variable {@code TRENDCAST_X_Y} (list in the module README).
 */
@ConfigMapping(prefix = "trendcast")
public interface IngestConfig {

    /** The deployment's bucket. */
    String bucket();

    /** Prefix of the table names, e.g. {@code trendcast-prod-}. */
    Optional<String> tablePrefix();

    /** The AWS region; {@code application.properties} defaults it to {@code AWS_REGION}. */
    String region();

    /** An S3 endpoint instead of AWS's (the local stack's S3Proxy). */
    Optional<URI> s3Endpoint();

    /** A DynamoDB endpoint instead of AWS's (the local stack's dynalite). */
    Optional<URI> dynamodbEndpoint();

    /** Attempts per S3 or DynamoDB request, the first included (default: 5 on AWS, 3 on local endpoints). */
    Optional<Integer> awsMaxAttempts();

    /** Longest backoff between two attempts of a request (default: 5 s on AWS, 200 ms on local endpoints). */
    Optional<Duration> awsMaxBackoff();

    /** Largest share of rejected rows an upload may have and still be applied. */
    @WithDefault("0.05")
    double rejectThreshold();

    /** Largest decompressed size of an upload in bytes (gzip bomb guard). */
    @WithDefault("2147483648")
    long maxDecompressedBytes();

    /** Longest line of an upload in bytes. */
    @WithDefault("65536")
    int maxLineBytes();

    /** Longest item or store id in characters. */
    @WithDefault("200")
    int maxIdLength();

    /** How many days after today a sales date may lie. */
    @WithDefault("366")
    int maxDaysAhead();

    /** Aggregated cells held in memory before sorted runs spill to the temporary directory. */
    @WithDefault("500000")
    int maxCellsInMemory();

    /** Series per feature shard. */
    @WithDefault("200")
    int shardSize();

    /**
     * Global models to start after the shards of a run ({@code TRENDCAST_GLOBAL_MODELS}, comma-separated, or
     * {@code none}): for each, the trigger {@code features/{seller}/{run}/global/{model}.json} is written last.
     */
    @WithDefault("tribuo")
    List<String> globalModels();

    /** Where aggregation runs and merged histories are written; default {@code java.io.tmpdir}. */
    Optional<String> tempDir();

    /** How long a claim holds; must exceed the function timeout. */
    @WithDefault("PT15M")
    Duration claimLease();

    /** How long to wait for a concurrent upload of the same seller to publish its dataset version. */
    @WithDefault("PT60S")
    Duration mergeWait();

    /** How many dataset versions to try before giving up (and letting the event be retried). */
    @WithDefault("5")
    int mergeAttempts();

    /** Default forecast horizons per frequency. */
    Horizon horizon();

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

    /** Default horizons. */
    interface Horizon {
        @WithDefault("28")
        int daily();

        @WithDefault("13")
        int weekly();

        @WithDefault("12")
        int monthly();
    }
}
