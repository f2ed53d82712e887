package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoreException;
import io.trendcast.core.port.StoredForecast;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ForecastStore} on the Forecasts table: one item per series (partition key seller, sort key
 * {@link SeriesKey#encode()}) holding the whole horizon, so the API serves a request with one GetItem. Batches
 * go through BatchWriteItem with unprocessed items resent (see {@link BatchWriter}). As a {@link ForecastCatalog} it
 * Queries the seller's partition, page by page, projecting away the long {@code points} and {@code history}.
 */
public final class DynamoDbForecastStore implements ForecastStore, ForecastCatalog {

    /** Default attempts per batch of 25 before giving up on unprocessed items. */
    public static final int DEFAULT_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final BatchWriter writer;

    /** A store on {@code table} with {@link #DEFAULT_BATCH_ATTEMPTS} and backoff from 50 ms to 5 s. */
    public DynamoDbForecastStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, DEFAULT_BATCH_ATTEMPTS, Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** A store on {@code table} that resends unprocessed items up to {@code batchAttempts} times per batch. */
    public DynamoDbForecastStore(DynamoDbClient dynamoDb, String table, int batchAttempts, Duration baseDelay,
                                 Duration maxDelay) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.writer = new BatchWriter(dynamoDb, table, batchAttempts, baseDelay, maxDelay);
    }

    @Override
    public void putAll(Collection<StoredForecast> forecasts) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(forecasts.size());
        for (StoredForecast f : forecasts) {
            items.add(ForecastItems.toItem(f));
        }
        writer.putAll(items);
    }

    @Override
    public Optional<StoredForecast> get(String seller, SeriesKey series) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).key(ForecastItems.key(seller, series))).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("GetItem", table, e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ForecastItems.fromItem(item));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new StoreException("forecast of seller '" + seller + "', series '" + series.encode() + "' in "
                    + "table '" + table + "' is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ForecastSummary> summaries(String seller) {
        List<ForecastSummary> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#seller = :seller")
                    .expressionAttributeValues(Map.of(":seller", AttributeValue.fromS(seller)))
                    .expressionAttributeNames(ForecastItems.SUMMARY_NAMES)
                    .projectionExpression(ForecastItems.SUMMARY_PROJECTION);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page;
            try {
                page = dynamoDb.query(request.build());
            } catch (SdkException e) {
                throw DynamoDbErrors.translate("Query", table, e);
            }
            for (Map<String, AttributeValue> item : page.items()) {
                try {
                    out.add(ForecastItems.summaryFromItem(item));
                } catch (IllegalArgumentException | DateTimeException e) {
                    throw new StoreException("a forecast of seller '" + seller + "' in table '" + table
                            + "' is malformed: " + e.getMessage(), e);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return out;
    }
}
