package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoreException;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.testing.contract.SampleForecasts;
import io.trendcast.testing.emulators.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unprocessed items of BatchWriteItem are resent. dynalite never throttles, so an interceptor plays DynamoDB
 * under load: it withholds part of a batch from the server and reports exactly those items as unprocessed, as
 * DynamoDB does. The items really reach dynalite only when the store resends them.
 */
class UnprocessedItemsTest {

    private static final ExecutionAttribute<List<WriteRequest>> WITHHELD = new ExecutionAttribute<>("withheld");
    private static final TableNames TABLES = TableNames.withPrefix("unprocessed-");

    private static DynaliteServer dynalite;

    /**
     * For the first {@code throttledCalls} BatchWriteItem calls, withholds the last third of the batch, or (when
     * {@code severe}) every item but the first.
     */
    private static final class Throttler implements ExecutionInterceptor {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger withheldItems = new AtomicInteger();
        final int throttledCalls;
        final boolean severe;

        Throttler(int throttledCalls, boolean severe) {
            this.throttledCalls = throttledCalls;
            this.severe = severe;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request)
                    || calls.incrementAndGet() > throttledCalls) {
                return context.request();
            }
            Map.Entry<String, List<WriteRequest>> entry = request.requestItems().entrySet().iterator().next();
            List<WriteRequest> all = entry.getValue();
            int keep = severe ? 1 : Math.max(1, all.size() - all.size() / 3);
            List<WriteRequest> withheld = new ArrayList<>(all.subList(keep, all.size()));
            attributes.putAttribute(WITHHELD, withheld);
            withheldItems.addAndGet(withheld.size());
            return request.toBuilder().requestItems(Map.of(entry.getKey(), all.subList(0, keep))).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            List<WriteRequest> withheld = attributes.getAttribute(WITHHELD);
            if (!(context.response() instanceof BatchWriteItemResponse response) || withheld == null
                    || withheld.isEmpty()) {
                return context.response();
            }
            String table = ((BatchWriteItemRequest) context.request()).requestItems().keySet().iterator().next();
            return response.toBuilder().unprocessedItems(Map.of(table, withheld)).build();
        }
    }

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.startInMemory();
        try (DynamoDbClient plain = client(new Throttler(0, false))) {
            TableSchemas.createMissing(plain, TABLES);
        }
    }

    @AfterAll
    static void stop() {
        if (dynalite != null) {
            dynalite.close();
        }
    }

    private static DynamoDbClient client(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("any-access-key", "any-secret-key")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    private static List<StoredForecast> forecasts(String seller, int count) {
        List<StoredForecast> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(SampleForecasts.daily(seller, SeriesKey.of("sku-" + i), 28, 5 + i));
        }
        return batch;
    }

    @Test
    void unprocessedItemsAreResentUntilEveryForecastIsStored() {
        Throttler throttler = new Throttler(4, false);
        try (DynamoDbClient dynamoDb = client(throttler)) {
            DynamoDbForecastStore store = new DynamoDbForecastStore(dynamoDb, TABLES.forecasts(), 8,
                    Duration.ofMillis(5), Duration.ofMillis(50));
            List<StoredForecast> batch = forecasts("s-retry", 60);

            store.putAll(batch);

            assertTrue(throttler.withheldItems.get() > 0);
            assertTrue(throttler.calls.get() > 3, "60 items are 3 batches, plus resends: " + throttler.calls.get());
            for (StoredForecast f : batch) {
                assertEquals(f, store.get("s-retry", f.series()).orElseThrow(), f.series().encode());
            }
        }
    }

    @Test
    void aTableThatStaysThrottledFailsWithTheCountOfUnwrittenItems() {
        try (DynamoDbClient dynamoDb = client(new Throttler(Integer.MAX_VALUE, true))) {
            DynamoDbForecastStore store = new DynamoDbForecastStore(dynamoDb, TABLES.forecasts(), 3,
                    Duration.ofMillis(1), Duration.ofMillis(5));
            StoreException e = assertThrows(StoreException.class, () -> store.putAll(forecasts("s-stuck", 30)));
            assertTrue(e.getMessage().contains("22 of 30 items were still unprocessed after 3 attempts"),
                    e.getMessage());
        }
    }
}
