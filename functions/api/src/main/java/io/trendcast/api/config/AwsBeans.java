package io.trendcast.api.config;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.cost.MeterSettings;
import io.trendcast.aws.cost.UsageCounter;
import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.DynamoDbForecastStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.CostLedger;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The SDK clients and store adapters, built once per container on first use (the ports are application-scoped,
 * so their client proxies create them, and the clients under them, at the first call) and closed at shutdown.
 */
@ApplicationScoped
public class AwsBeans {

    @Produces
    @Singleton
    UsageCounter usageCounter() {
        return new UsageCounter();
    }

    @Produces
    @Singleton
    AwsClients clients(ApiConfig config, UsageCounter counter) {
        return new AwsClients(AwsSettings.forFunction(config.region(), config.s3Endpoint().orElse(null),
                config.dynamodbEndpoint().orElse(null)), List.of(counter));
    }

    @Produces
    @ApplicationScoped
    CostLedger costLedger(AwsClients clients, TableNames tables) {
        return new DynamoDbCostLedger(clients.dynamoDb(), tables.costLedger());
    }

    /** The meter; its ledger is built on the first booking, not at start-up. */
    @Produces
    @Singleton
    CostMeter costMeter(ApiConfig config, UsageCounter counter, CostLedger ledger) {
        MeterSettings settings = MeterSettings.of("api", config.cost().memoryMb(),
                config.cost().architecture().orElse(null), config.cost().prices().orElse(null));
        return new CostMeter(settings, counter, ledger);
    }

    void close(@Disposes AwsClients clients) {
        clients.close();
    }

    @Produces
    @Singleton
    TableNames tables(ApiConfig config) {
        return TableNames.withPrefix(config.tablePrefix().orElse(""));
    }

    @Produces
    @ApplicationScoped
    BlobStore blobStore(AwsClients clients, ApiConfig config) {
        return new S3BlobStore(clients.s3(), config.bucket());
    }

    @Produces
    @ApplicationScoped
    RunStore runStore(AwsClients clients, TableNames tables) {
        return new DynamoDbRunStore(clients.dynamoDb(), tables.runs());
    }

    @Produces
    @ApplicationScoped
    ForecastStore forecastStore(AwsClients clients, TableNames tables) {
        return new DynamoDbForecastStore(clients.dynamoDb(), tables.forecasts());
    }

    @Produces
    @ApplicationScoped
    ForecastCatalog forecastCatalog(AwsClients clients, TableNames tables) {
        return new DynamoDbForecastStore(clients.dynamoDb(), tables.forecasts());
    }

    @Produces
    @ApplicationScoped
    ApiKeyStore apiKeyStore(AwsClients clients, TableNames tables) {
        return new DynamoDbApiKeyStore(clients.dynamoDb(), tables.apiKeys());
    }
}
