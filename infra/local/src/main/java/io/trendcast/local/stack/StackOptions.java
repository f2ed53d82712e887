package io.trendcast.local.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code trendcast up} runs the stack.
 *
 * @param dataDir     everything persistent: {@code s3/}, {@code dynamodb/}, unpacked functions, logs
 * @param apiPort     the HTTP API's port on 127.0.0.1
 * @param s3Port      the S3 endpoint's port on 127.0.0.1
 * @param region      the region the functions are told they run in
 * @param bucket      the bucket name
 * @param retryDelays waits before each retry of a failed asynchronous (S3-triggered) invocation
 * @param code        where the functions' code is
 * @param deepAr      whether DeepAR runs too: the {@code deeptrain} function on its notification rule, and ingest
 *                    starting it after each run's shards (as {@code TRENDCAST_GLOBAL_MODELS=tribuo,deepar} on AWS)
 * @param environment extra variables per function name, over the stack's own (e.g. fewer DeepAR epochs in a test)
 */
public record StackOptions(Path dataDir, int apiPort, int s3Port, String region, String bucket,
                           List<Duration> retryDelays, FunctionCode code, boolean deepAr,
                           Map<String, Map<String, String>> environment) {

    /** The bucket of the local stack. */
    public static final String DEFAULT_BUCKET = "trendcast-local";
    /** The table prefix of the local stack (a non-empty value, as on AWS where it is the stack name). */
    public static final String TABLE_PREFIX = "trendcast-local-";

    public StackOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        retryDelays = List.copyOf(retryDelays);
        Objects.requireNonNull(code, "code");
        environment = Map.copyOf(environment);
    }

    /** The defaults of FORMATS.md §5 over {@code dataDir}: the checkout's packaged functions, retries 1 s and 2 s. */
    public static StackOptions defaults(Path dataDir, int apiPort, int s3Port) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        return new StackOptions(absolute, apiPort, s3Port, "us-east-1", DEFAULT_BUCKET,
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new PackagedFunctions(Installation.repoRoot(), absolute.resolve("functions")), false, Map.of());
    }

    /** The same options with other function code. */
    public StackOptions withCode(FunctionCode other) {
        return new StackOptions(dataDir, apiPort, s3Port, region, bucket, retryDelays, other, deepAr, environment);
    }

    /** The same options with DeepAR on or off. */
    public StackOptions withDeepAr(boolean on) {
        return new StackOptions(dataDir, apiPort, s3Port, region, bucket, retryDelays, code, on, environment);
    }

    /** The same options with {@code variables} added to function {@code function}'s environment. */
    public StackOptions withEnvironment(String function, Map<String, String> variables) {
        Map<String, Map<String, String>> all = new HashMap<>(environment);
        Map<String, String> own = new HashMap<>(all.getOrDefault(function, Map.of()));
        own.putAll(variables);
        all.put(function, Map.copyOf(own));
        return new StackOptions(dataDir, apiPort, s3Port, region, bucket, retryDelays, code, deepAr, all);
    }
}
