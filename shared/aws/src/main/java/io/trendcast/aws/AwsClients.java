package io.trendcast.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.List;

/**
 * The SDK clients of one container, built once from {@link AwsSettings} and shared by every adapter. SDK clients
 * are thread-safe and expensive to build, so a function holds one {@code AwsClients} (outside the handler), whose
 * clients are each built at their first use, and closes it at shutdown.
 *
 * <p>Requests are retried with the SDK's standard strategy: {@link AwsSettings#maxAttempts()} attempts with
 * exponential, jittered backoff from {@link AwsSettings#baseDelay()} up to {@link AwsSettings#maxBackoff()}, the
 * same for throttling. The HTTP client is chosen by {@link HttpClients} (Apache when the function ships it, else
 * the JDK's), not by the SDK's discovery, which fails when a function has both. When S3 has an endpoint override
 * (S3Proxy, LocalStack), request checksums are computed and response checksums validated only where the operation
 * requires them: S3Proxy rejects the default trailing checksums (STACK-NOTES.md).
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final ClientOverrideConfiguration overrides;
    private S3Client s3;
    private DynamoDbClient dynamoDb;

    /**
     * Clients built from {@code settings}, each on first use: a function that never touches S3 (the api serving a
     * forecast) never pays for building the S3 client during its cold start.
     */
    public AwsClients(AwsSettings settings) {
        this(settings, List.of());
    }

    /**
     * Clients built from {@code settings} with {@code interceptors} on every client, e.g. the cost meter's
     * {@link io.trendcast.aws.cost.UsageCounter}.
     */
    public AwsClients(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.credentials = credentials(settings);
        this.overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings))
                .executionInterceptors(List.copyOf(interceptors))
                .build();
    }

    /** The settings the clients were built from. */
    public AwsSettings settings() {
        return settings;
    }

    /** The shared S3 client, built on the first call. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = buildS3(settings, credentials, overrides);
        }
        return s3;
    }

    /** The shared DynamoDB client, built on the first call. */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = buildDynamoDb(settings, credentials, overrides);
        }
        return dynamoDb;
    }

    private static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static RetryStrategy retryStrategy(AwsSettings settings) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxBackoff());
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .build();
    }

    private static S3Client buildS3(AwsSettings settings, AwsCredentialsProvider credentials,
                                    ClientOverrideConfiguration overrides) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(HttpClients.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .forcePathStyle(settings.pathStyle());
        settings.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    private static DynamoDbClient buildDynamoDb(AwsSettings settings, AwsCredentialsProvider credentials,
                                                ClientOverrideConfiguration overrides) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(HttpClients.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Closes the clients that were built, and their connection pools. */
    @Override
    public synchronized void close() {
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
