package io.trendcast.aws;

import io.trendcast.testing.emulators.S3ProxyServer;

import java.net.URI;
import java.time.Duration;

/** {@link AwsSettings} for the local emulators: fixed credentials, path-style S3, short backoff. */
public final class EmulatorSettings {

    private EmulatorSettings() {
    }

    /** Settings for an S3 endpoint and/or a DynamoDB endpoint; either may be {@code null}. */
    public static AwsSettings forEndpoints(URI s3, URI dynamoDb) {
        return AwsSettings.builder()
                .region("us-east-1")
                .s3Endpoint(s3)
                .dynamoDbEndpoint(dynamoDb)
                .pathStyle(true)
                .maxAttempts(3)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(200))
                .staticCredentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                .build();
    }
}
