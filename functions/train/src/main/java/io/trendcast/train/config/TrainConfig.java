package io.trendcast.train.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.trendcast.ml.GlobalConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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

    /** Settings of the training itself. */
    interface Train {

        /**
         * How long a shard claim outlives the invocation's own deadline ({@code TRENDCAST_TRAIN_LEASE_GRACE}). The
         * claim holds until the invocation must have ended plus this grace, so a retry of a crashed invocation
         * (Lambda retries after about one minute) can take the shard over soon after, not after a fixed 15 minutes.
         */
        @WithDefault("PT10S")
        Duration leaseGrace();

        /**
         * Time kept back from the invocation's remaining time for writing artifacts, forecasts and status
         * ({@code TRENDCAST_TRAIN_SAFETY_MARGIN}).
         */
        @WithDefault("PT20S")
        Duration safetyMargin();

        /**
         * Threads training the series of a shard ({@code TRENDCAST_TRAIN_THREADS}); by default as many as the
         * processors the JVM sees (two at the function's 3,008 MB).
         */
        Optional<Integer> threads();

        /**
         * Global models whose candidate results the selection of a shard looks for
         * ({@code TRENDCAST_TRAIN_GLOBAL_SOURCES}, comma-separated); {@code tribuo} is fitted by this function,
         * {@code deepar} by the deeptrain function when ingest starts it. A source without results for a run is
         * simply absent from its selections (one S3 read that finds nothing), so turning DeepAR on takes only
         * ingest's {@code TRENDCAST_GLOBAL_MODELS}.
         */
        @WithDefault("tribuo,deepar")
        List<String> globalSources();

        /**
         * Fewest series of a run for which the global step fits a model ({@code TRENDCAST_TRAIN_GLOBAL_MIN_SERIES});
         * smaller runs keep their local forecasts.
         */
        @WithDefault("5")
        int globalMinSeries();

        /** Trees of the global model's XGBoost ({@code TRENDCAST_TRAIN_GLOBAL_TREES}). */
        @WithDefault("100")
        int globalTrees();

        /**
         * How the global model forecasts the horizon ({@code TRENDCAST_TRAIN_GLOBAL_STRATEGY}): {@code RECURSIVE},
         * {@code DIRECT}, or {@code AUTO} (both fitted on the calibration backtest, the better one serves; one more
         * fit). Recursive by default, as measured in the README.
         */
        @WithDefault("RECURSIVE")
        GlobalConfig.Strategy globalStrategy();

        /** The global model's configuration from these settings (Tribuo's defaults otherwise). */
        default GlobalConfig globalConfig() {
            return GlobalConfig.builder().threads(threadsOrProcessors()).trees(globalTrees())
                    .strategy(globalStrategy()).build();
        }

        /** {@link #threads()} or the number of available processors. */
        default int threadsOrProcessors() {
            return threads().orElseGet(() -> Runtime.getRuntime().availableProcessors());
        }
    }
}
