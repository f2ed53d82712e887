package io.trendcast.aws.dynamodb;

import io.trendcast.core.cost.Architecture;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.InvocationCost;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.port.CostLedger;
import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.trendcast.aws.dynamodb.Attributes.s;

/**
 * {@link CostLedger} on the CostLedger table: partition {@code day} (UTC), sort key {@code invocation} = start
 * instant, {@code #}, request id, so a day reads back in start order with one paginated Query. Dollars are stored
 * as exact decimal numbers and read back to the same {@link BigDecimal}s.
 */
public final class DynamoDbCostLedger implements CostLedger {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCostLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void append(CostRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchemas.COST_PK, s(record.day().toString()));
        item.put(TableSchemas.COST_SK, s(record.startedAt() + "#" + record.requestId()));
        item.put("function", s(record.function()));
        item.put("requestId", s(record.requestId()));
        Attributes.putIfPresent(item, "seller", record.seller());
        item.put("startedAt", Attributes.instant(record.startedAt()));
        item.put("durationMs", Attributes.n(record.durationMs()));
        item.put("billedDurationMs", Attributes.n(record.billedDurationMs()));
        item.put("memoryMb", Attributes.n(record.memoryMb()));
        item.put("architecture", s(record.architecture().label()));
        item.put("coldStart", Attributes.bool(record.coldStart()));
        item.put("s3Gets", Attributes.n(record.s3Gets()));
        item.put("s3Puts", Attributes.n(record.s3Puts()));
        item.put("ddbReadUnits", Attributes.n(record.ddbReadUnits()));
        item.put("ddbWriteUnits", Attributes.n(record.ddbWriteUnits()));
        item.put("gbSeconds", decimal(record.cost().gbSeconds()));
        item.put("computeUsd", decimal(record.cost().computeUsd()));
        item.put("requestUsd", decimal(record.cost().requestUsd()));
        item.put("storageRequestUsd", decimal(record.cost().storageRequestUsd()));
        item.put("totalUsd", decimal(record.cost().totalUsd()));
        item.put("outcome", s(record.outcome().name()));
        Attributes.putIfPresent(item, "error", record.error());
        Attributes.putIfPresent(item, "operation", record.operation());
        item.put("units", Attributes.n(record.units()));
        item.put("seriesDays", Attributes.n(record.seriesDays()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("PutItem", table, e);
        }
    }

    @Override
    public List<CostRecord> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        List<CostRecord> records = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            QueryRequest query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#d = :d")
                    .expressionAttributeNames(Map.of("#d", TableSchemas.COST_PK))
                    .expressionAttributeValues(Map.of(":d", s(day.toString())))
                    .build();
            try {
                dynamoDb.queryPaginator(query).items().forEach(item -> records.add(record(item)));
            } catch (SdkException e) {
                throw DynamoDbErrors.translate("Query", table, e);
            }
        }
        return records;
    }

    private static CostRecord record(Map<String, AttributeValue> item) {
        try {
            InvocationCost cost = new InvocationCost(number(item, "gbSeconds"), number(item, "computeUsd"),
                    number(item, "requestUsd"), number(item, "storageRequestUsd"), number(item, "totalUsd"));
            return new CostRecord(Attributes.string(item, "function"), Attributes.string(item, "requestId"),
                    Attributes.optionalString(item, "seller"), Instant.parse(Attributes.string(item, "startedAt")),
                    Attributes.doubleOrNaN(item, "durationMs"), Attributes.longNumber(item, "billedDurationMs"),
                    (int) Attributes.longNumber(item, "memoryMb"),
                    Architecture.parse(Attributes.string(item, "architecture")), Attributes.bool(item, "coldStart"),
                    Attributes.longNumber(item, "s3Gets"), Attributes.longNumber(item, "s3Puts"),
                    Attributes.doubleOrNaN(item, "ddbReadUnits"), Attributes.doubleOrNaN(item, "ddbWriteUnits"), cost,
                    Outcome.valueOf(Attributes.string(item, "outcome")), Attributes.optionalString(item, "error"),
                    Attributes.optionalString(item, "operation"), Attributes.longNumber(item, "units"),
                    Attributes.longNumber(item, "seriesDays"));
        } catch (RuntimeException e) {
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("CostLedger item " + item.get(TableSchemas.COST_SK) + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static AttributeValue decimal(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    private static BigDecimal number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new StoreException("CostLedger item " + item.get(TableSchemas.COST_SK) + " has no number '"
                    + name + "'");
        }
        return new BigDecimal(value.n());
    }
}
