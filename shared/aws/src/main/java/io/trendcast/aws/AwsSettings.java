package io.trendcast.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link AwsClients} builds the SDK clients. Immutable and validated when built; the functions fill it from
 * their configuration, the local stack and tests point it at emulators.
 *
 * @param region           the AWS region, e.g. {@code us-east-1}
 * @param s3Endpoint       an S3 endpoint to use instead of AWS's (S3Proxy, LocalStack), or empty
 * @param dynamoDbEndpoint a DynamoDB endpoint to use instead of AWS's (dynalite, LocalStack), or empty
 * @param pathStyle        whether S3 requests name the bucket in the path rather than the host name
 * @param maxAttempts      attempts per request, the first one included
 * @param baseDelay        the first retry's backoff; later ones grow exponentially, with jitter
 * @param maxBackoff       the longest backoff between two attempts
 * @param accessKey        a fixed access key (local endpoints), or {@code null} for the default credentials chain
 * @param secretKey        the secret key going with {@code accessKey}
 */
public record AwsSettings(String region, Optional<URI> s3Endpoint, Optional<URI> dynamoDbEndpoint, boolean pathStyle,
                          int maxAttempts, Duration baseDelay, Duration maxBackoff, String accessKey,
                          String secretKey) {

    public AwsSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must be set, e.g. us-east-1");
        }
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxBackoff.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxBackoff, got " + baseDelay + " and "
                    + maxBackoff);
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both accessKey and secretKey, or neither");
        }
    }

    /** Settings for AWS itself in {@code region}, with the builder's defaults. */
    public static AwsSettings forRegion(String region) {
        return builder().region(region).build();
    }

    /**
     * Settings for local emulators (S3Proxy, dynalite, LocalStack) at the given endpoints, either of which may be
     * {@code null}: region us-east-1, path-style S3, placeholder credentials (the local stack accepts any), and a
     * short backoff, since a local server that fails once will not recover within seconds.
     */
    public static AwsSettings forLocalEndpoints(URI s3Endpoint, URI dynamoDbEndpoint) {
        return builder()
                .region("us-east-1")
                .s3Endpoint(s3Endpoint)
                .dynamoDbEndpoint(dynamoDbEndpoint)
                .pathStyle(true)
                .maxAttempts(3)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(200))
                .staticCredentials("local-access-key", "local-secret-key")
                .build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a fixed access key is configured. */
    public boolean hasStaticCredentials() {
        return accessKey != null;
    }

    /** Builds {@link AwsSettings}; every field starts at the default written beside it. */
    public static final class Builder {
        private String region = "us-east-1";
        private URI s3Endpoint = null;
        private URI dynamoDbEndpoint = null;
        private boolean pathStyle = false;
        private int maxAttempts = 5;
        private Duration baseDelay = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private String accessKey = null;
        private String secretKey = null;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder s3Endpoint(URI endpoint) {
            this.s3Endpoint = endpoint;
            return this;
        }

        public Builder dynamoDbEndpoint(URI endpoint) {
            this.dynamoDbEndpoint = endpoint;
            return this;
        }

        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder backoff(Duration baseDelay, Duration maxBackoff) {
            this.baseDelay = baseDelay;
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder staticCredentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        public AwsSettings build() {
            return new AwsSettings(region, Optional.ofNullable(s3Endpoint), Optional.ofNullable(dynamoDbEndpoint),
                    pathStyle, maxAttempts, baseDelay, maxBackoff, accessKey, secretKey);
        }
    }
}
