package io.trendcast.aws.dynamodb;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoreException;
import io.trendcast.testing.contract.ApiKeyStoreContract;
import io.trendcast.testing.contract.ForecastCatalogContract;
import io.trendcast.testing.contract.ForecastStoreContract;
import io.trendcast.testing.contract.RunStoreContract;
import io.trendcast.testing.contract.SampleForecasts;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.fakes.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB adapters against dynalite, through the real SDK client, held to the port contracts. */
class DynamoDbStoresTest {

    static final TableNames TABLES = TableNames.withPrefix("test-");

    static DynaliteServer dynalite;
    static AwsClients clients;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.startInMemory();
        clients = new AwsClients(AwsSettings.forLocalEndpoints(null, dynalite.endpoint()));
        TableSchemas.createMissing(clients.dynamoDb(), TABLES);
    }

    @AfterAll
    static void stop() {
        if (clients != null) {
            clients.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Nested
    class Runs extends RunStoreContract {
        @Override
        protected RunStore createStore(MutableClock clock) {
            return new DynamoDbRunStore(clients.dynamoDb(), TABLES.runs(), clock);
        }
    }

    @Nested
    class Forecasts extends ForecastStoreContract {
        @Override
        protected ForecastStore store() {
            return new DynamoDbForecastStore(clients.dynamoDb(), TABLES.forecasts());
        }
    }

    @Nested
    class Catalog extends ForecastCatalogContract {
        private final DynamoDbForecastStore store = new DynamoDbForecastStore(clients.dynamoDb(), TABLES.forecasts());

        @Override
        protected ForecastStore store() {
            return store;
        }

        @Override
        protected ForecastCatalog catalog() {
            return store;
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected ApiKeyStore store() {
            return new DynamoDbApiKeyStore(clients.dynamoDb(), TABLES.apiKeys());
        }
    }

    @Test
    void creatingTablesAgainLeavesThemAsTheyAre() {
        TableSchemas.createMissing(clients.dynamoDb(), TABLES);
        List<String> tables = clients.dynamoDb().listTables().tableNames();
        assertTrue(tables.containsAll(TABLES.all()), tables.toString());
        assertEquals("PAY_PER_REQUEST", clients.dynamoDb().describeTable(b -> b.tableName(TABLES.forecasts()))
                .table().billingModeSummary().billingModeAsString());
    }

    @Test
    void aForecastIsOneItemHoldingTheWholeHorizon() {
        SeriesKey series = SeriesKey.of("sku 1", "store/7");
        new DynamoDbForecastStore(clients.dynamoDb(), TABLES.forecasts())
                .putAll(List.of(SampleForecasts.daily("layout-seller", series, 90, 12)));

        List<Map<String, AttributeValue>> items = clients.dynamoDb().query(b -> b.tableName(TABLES.forecasts())
                .keyConditionExpression("seller = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("layout-seller")))).items();
        assertEquals(1, items.size());
        assertEquals("sku+1/store%2F7", items.get(0).get("series").s());
        assertEquals(90, items.get(0).get("points").l().size());
        assertEquals("90", items.get(0).get("horizon").n());
    }

    @Test
    void aMissingTableIsAStoreErrorSayingWhatToCheck() {
        RunStore runs = new DynamoDbRunStore(clients.dynamoDb(), "no-such-table");
        StoreException e = assertThrows(StoreException.class, () -> runs.datasetVersion("s1"));
        assertTrue(e.getMessage().contains("'no-such-table'") && e.getMessage().contains("does not exist"),
                e.getMessage());
    }
}
