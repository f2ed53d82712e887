package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

/**
 * The table definitions, all on-demand. The local stack and the tests create tables from here; the SAM template
 * ({@code infra/aws/template.yaml}) declares the same keys.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>table</th><th>partition key</th><th>sort key</th></tr>
 *   <tr><td>Forecasts</td><td>{@code seller} (S)</td><td>{@code series} (S, {@code SeriesKey.encode()})</td></tr>
 *   <tr><td>Runs</td><td>{@code pk} (S: {@code RUN#…}, {@code UPLOAD#…}, {@code DATASET#…})</td><td>—</td></tr>
 *   <tr><td>CostLedger</td><td>{@code day} (S, {@code yyyy-MM-dd} UTC)</td>
 *       <td>{@code invocation} (S, start instant then {@code #} then request id)</td></tr>
 *   <tr><td>ApiKeys</td><td>{@code keyHash} (S, hex SHA-256)</td><td>—</td></tr>
 * </table>
 *
 * <p>CostLedger is partitioned by day so that a {@code /v1/costs?from&to} report is one Query per day.
 */
public final class TableSchemas {

    /** Forecasts partition key. */
    public static final String FORECASTS_PK = "seller";
    /** Forecasts sort key. */
    public static final String FORECASTS_SK = "series";
    /** Runs partition key. */
    public static final String RUNS_PK = "pk";
    /** CostLedger partition key. */
    public static final String COST_PK = "day";
    /** CostLedger sort key. */
    public static final String COST_SK = "invocation";
    /** ApiKeys partition key. */
    public static final String API_KEYS_PK = "keyHash";

    private TableSchemas() {
    }

    /** CreateTable requests for all four tables. */
    public static List<CreateTableRequest> all(TableNames names) {
        return List.of(
                table(names.forecasts(), FORECASTS_PK, FORECASTS_SK),
                table(names.runs(), RUNS_PK, null),
                table(names.costLedger(), COST_PK, COST_SK),
                table(names.apiKeys(), API_KEYS_PK, null));
    }

    /**
     * Creates every table that does not exist yet and waits until each is active. Tables that exist are left
     * as they are.
     *
     * @throws StoreException when a table cannot be created
     */
    public static void createMissing(DynamoDbClient dynamoDb, TableNames names) {
        for (CreateTableRequest request : all(names)) {
            try {
                dynamoDb.createTable(request);
            } catch (ResourceInUseException exists) {
                // already there: nothing to create
            } catch (SdkException e) {
                throw DynamoDbErrors.translate("CreateTable", request.tableName(), e);
            }
        }
        for (CreateTableRequest request : all(names)) {
            try {
                dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
            } catch (SdkException e) {
                throw DynamoDbErrors.translate("DescribeTable", request.tableName(), e);
            }
        }
    }

    private static CreateTableRequest table(String name, String partitionKey, String sortKey) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(stringAttribute(partitionKey));
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            attributes.add(stringAttribute(sortKey));
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
