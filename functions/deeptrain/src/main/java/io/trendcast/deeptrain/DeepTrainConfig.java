package io.trendcast.deeptrain;

import java.util.Map;
import java.util.Objects;

/**
 * The function's settings, read from its environment once per container; immutable, validated when built.
 *
 * @param bucket           the deployment's bucket ({@code TRENDCAST_BUCKET}, required)
 * @param tablePrefix      prefix of the table names ({@code TRENDCAST_TABLE_PREFIX})
 * @param region           region of the SDK clients ({@code TRENDCAST_REGION}, else {@code AWS_REGION}, else us-east-1)
 * @param s3Endpoint       S3 emulator endpoint ({@code TRENDCAST_S3_ENDPOINT}), or null on AWS
 * @param dynamoDbEndpoint DynamoDB emulator endpoint ({@code TRENDCAST_DYNAMODB_ENDPOINT}), or null on AWS
 * @param memoryMb         memory the cost ledger prices ({@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE})
 * @param prices           price overrides ({@code TRENDCAST_COST_PRICES}), or null
 * @param maxEpochs        most DeepAR epochs ({@code TRENDCAST_DEEPAR_EPOCHS}, default 60)
 * @param samplePaths      sample paths per series ({@code TRENDCAST_DEEPAR_PATHS}, default 100)
 */
public record DeepTrainConfig(String bucket, String tablePrefix, String region, String s3Endpoint,
                              String dynamoDbEndpoint, int memoryMb, String prices, int maxEpochs, int samplePaths) {

    public DeepTrainConfig {
        Objects.requireNonNull(bucket, "TRENDCAST_BUCKET must be set");
        if (maxEpochs < 1 || samplePaths < 2 || memoryMb < 128) {
            throw new IllegalArgumentException("TRENDCAST_DEEPAR_EPOCHS must be >= 1, TRENDCAST_DEEPAR_PATHS >= 2 and "
                    + "the memory >= 128 MB");
        }
    }

    /** The settings in {@code env} (the process environment on Lambda). */
    public static DeepTrainConfig from(Map<String, String> env) {
        String bucket = env.get("TRENDCAST_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("TRENDCAST_BUCKET must be set to the deployment's bucket");
        }
        return new DeepTrainConfig(bucket, env.getOrDefault("TRENDCAST_TABLE_PREFIX", ""),
                env.getOrDefault("TRENDCAST_REGION", env.getOrDefault("AWS_REGION", "us-east-1")),
                blankToNull(env.get("TRENDCAST_S3_ENDPOINT")), blankToNull(env.get("TRENDCAST_DYNAMODB_ENDPOINT")),
                Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "3008")),
                blankToNull(env.get("TRENDCAST_COST_PRICES")),
                Integer.parseInt(env.getOrDefault("TRENDCAST_DEEPAR_EPOCHS", "60")),
                Integer.parseInt(env.getOrDefault("TRENDCAST_DEEPAR_PATHS", "100")));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
