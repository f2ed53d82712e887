package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyRole;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.trendcast.aws.dynamodb.Attributes.s;

/**
 * {@link ApiKeyStore} on the ApiKeys table, one item per key hash. Creation is conditional so a hash is never
 * overwritten; revocation is conditional on the key existing.
 */
public final class DynamoDbApiKeyStore implements ApiKeyStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbApiKeyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(ApiKeyRecord key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableSchemas.API_KEYS_PK, s(key.keyHash()));
        item.put("role", s(key.role().name()));
        Attributes.putIfPresent(item, "seller", key.seller());
        item.put("revoked", Attributes.bool(key.revoked()));
        item.put("createdAt", Attributes.instant(key.createdAt()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(" + TableSchemas.API_KEYS_PK + ")"));
        } catch (ConditionalCheckFailedException exists) {
            throw new ConflictException("an API key with hash " + key.keyHash() + " already exists; generate a new "
                    + "key", exists);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("PutItem", table, e);
        }
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).key(key(keyHash)).consistentRead(true)).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("GetItem", table, e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ApiKeyRecord(
                    Attributes.string(item, TableSchemas.API_KEYS_PK),
                    ApiKeyRole.valueOf(Attributes.string(item, "role")),
                    Attributes.optionalString(item, "seller"),
                    Attributes.bool(item, "revoked"),
                    Attributes.instant(item, "createdAt")));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new StoreException("API key item " + keyHash + " in table '" + table + "' is malformed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void revoke(String keyHash) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(keyHash))
                    .updateExpression("SET revoked = :true")
                    .conditionExpression("attribute_exists(" + TableSchemas.API_KEYS_PK + ")")
                    .expressionAttributeValues(Map.of(":true", Attributes.bool(true))));
        } catch (ConditionalCheckFailedException missing) {
            throw new NotFoundException("no API key with hash " + keyHash + " to revoke", missing);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", table, e);
        }
    }

    private static Map<String, AttributeValue> key(String keyHash) {
        return Map.of(TableSchemas.API_KEYS_PK, s(keyHash));
    }
}
