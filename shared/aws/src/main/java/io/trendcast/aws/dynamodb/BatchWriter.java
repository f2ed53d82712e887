package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts many items into one table with BatchWriteItem, 25 at a time (DynamoDB's limit). Items DynamoDB returns as
 * unprocessed (throttling, partition limits) are sent again after an exponential, fully jittered backoff
 * (AWS's advice for batch operations) until all are written or the attempts run out. Puts are idempotent, so
 * resending is always safe.
 */
final class BatchWriter {

    /** DynamoDB's limit of requests per BatchWriteItem. */
    static final int MAX_BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    BatchWriter(DynamoDbClient dynamoDb, String table, int maxAttempts, Duration baseDelay, Duration maxDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            List<WriteRequest> batch = new ArrayList<>(MAX_BATCH);
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + MAX_BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(batch, items.size());
        }
    }

    private void writeBatch(List<WriteRequest> batch, int total) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> toSend = pending;
            Map<String, List<WriteRequest>> unprocessed;
            try {
                unprocessed = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, toSend))).unprocessedItems();
            } catch (SdkException e) {
                throw DynamoDbErrors.translate("BatchWriteItem", table, e);
            }
            pending = unprocessed == null ? List.of() : unprocessed.getOrDefault(table, List.of());
            if (pending.isEmpty()) {
                return;
            }
            if (attempt >= maxAttempts) {
                throw new StoreException("DynamoDB BatchWriteItem on table '" + table + "': " + pending.size()
                        + " of " + total + " items were still unprocessed after " + maxAttempts + " attempts (the "
                        + "table is throttled); the write is idempotent, so retry the whole batch later");
            }
            sleep(backoff(attempt));
        }
    }

    private Duration backoff(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while backing off before resending unprocessed items", e);
        }
    }
}
