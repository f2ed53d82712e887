package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.RunIds;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoreException;
import io.trendcast.core.port.StoredForecast;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@link ForecastStore} on the Forecasts table: one item per series (partition key seller, sort key
 * {@link SeriesKey#encode()}) holding the whole horizon, so the API serves a request with one GetItem. Each
 * forecast is one PutItem with the condition that the stored item, if any, is not of a newer dataset version
 * (the version from {@link RunIds}), nor of the same version from a selection of a higher rank (more candidate
 * sources, then run-wide; the {@code completeness} attribute): a late shard of an older run, or a retried first
 * answer after the selection, is refused
 * by DynamoDB itself, however events are ordered or retried. BatchWriteItem
 * cannot carry conditions, hence one request per series; throttled requests are retried by the SDK client.
 * As a {@link ForecastCatalog} it Queries the seller's partition, page by page, projecting away the long
 * {@code points} and {@code history}.
 */
public final class DynamoDbForecastStore implements ForecastStore, ForecastCatalog {

    private static final Logger LOG = Logger.getLogger(DynamoDbForecastStore.class.getName());
    private static final String NOT_NEWER = "attribute_not_exists(#v) OR #v < :v OR (#v = :v AND "
            + "(attribute_not_exists(#c) OR #c <= :c))";
    private static final String COMPLETENESS = "completeness";

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** A store on {@code table}. */
    public DynamoDbForecastStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void putAll(Collection<StoredForecast> forecasts, int completeness) {
        int stale = 0;
        for (StoredForecast f : forecasts) {
            long version = RunIds.datasetVersion(f.runId());
            Map<String, AttributeValue> item = ForecastItems.toItem(f);
            item.put(ForecastItems.DATASET_VERSION, Attributes.n(version));
            item.put(COMPLETENESS, Attributes.n(completeness));
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression(NOT_NEWER)
                        .expressionAttributeNames(Map.of("#v", ForecastItems.DATASET_VERSION, "#c", COMPLETENESS))
                        .expressionAttributeValues(Map.of(":v", Attributes.n(version), ":c",
                                Attributes.n(completeness))));
            } catch (ConditionalCheckFailedException newer) {
                stale++;
            } catch (SdkException e) {
                throw DynamoDbErrors.translate("PutItem", table, e);
            }
        }
        if (stale > 0) {
            LOG.info("table '" + table + "': " + stale + " of " + forecasts.size() + " forecasts of run "
                    + forecasts.iterator().next().runId() + " not written, a newer dataset version's or a more complete "
                    + "selection's are stored");
        }
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
