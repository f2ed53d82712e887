package io.trendcast.aws;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsSettingsTest {

    @Test
    void defaultsTargetAwsWithTheStandardRetryBudget() {
        AwsSettings settings = AwsSettings.forRegion("eu-west-1");
        assertEquals("eu-west-1", settings.region());
        assertTrue(settings.s3Endpoint().isEmpty());
        assertTrue(settings.dynamoDbEndpoint().isEmpty());
        assertFalse(settings.pathStyle());
        assertEquals(5, settings.maxAttempts());
        assertFalse(settings.hasStaticCredentials());
    }

    @Test
    void invalidSettingsAreRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> AwsSettings.builder().region(" ").build());
        assertThrows(IllegalArgumentException.class, () -> AwsSettings.builder().maxAttempts(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> AwsSettings.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> AwsSettings.builder().staticCredentials("only-access", null).build());
    }

    @Test
    void localSettingsUsePathStyleAndPlaceholderCredentials() {
        AwsSettings local = AwsSettings.forLocalEndpoints(URI.create("http://127.0.0.1:4566"), null);
        assertEquals(URI.create("http://127.0.0.1:4566"), local.s3Endpoint().orElseThrow());
        assertTrue(local.dynamoDbEndpoint().isEmpty());
        assertTrue(local.pathStyle());
        assertTrue(local.hasStaticCredentials());
    }

    @Test
    void clientsAreBuiltOnceFromSettings() {
        AwsSettings settings = AwsSettings.forLocalEndpoints(URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:2"));
        try (AwsClients clients = new AwsClients(settings)) {
            assertTrue(clients.s3() == clients.s3());
            assertTrue(clients.dynamoDb() == clients.dynamoDb());
            assertEquals(settings, clients.settings());
        }
    }
}
