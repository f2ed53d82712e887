package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.StoreException;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static io.trendcast.aws.dynamodb.Attributes.instant;
import static io.trendcast.aws.dynamodb.Attributes.n;
import static io.trendcast.aws.dynamodb.Attributes.s;

/**
 * {@link RunStore} on the Runs table, one item per record with partition key {@code pk}: {@code RUN#<key>} for
 * idempotency records, {@code UPLOAD#<uploadId>} for upload status, {@code DATASET#<seller>} for dataset
 * versions, {@code TRAINING#<runId>} for the set of trained shards of a run (a number set grown with ADD). Every
 * state change is a single conditional UpdateItem, so racing callers are decided by DynamoDB. Reads are strongly
 * consistent. Claims and completions carry a random write token: when the SDK retries one whose first attempt was
 * applied but whose answer was lost, the retry's failed condition is recognised by the token as its own success
 * instead of reading as a lost claim (which would drop the event) or a conflict.
 */
public final class DynamoDbRunStore implements RunStore {

    private static final String RUN = "RUN#";
    private static final String UPLOAD = "UPLOAD#";
    private static final String DATASET = "DATASET#";
    private static final String TRAINING = "TRAINING#";
    /** Expression names: {@code owner} and {@code status} are DynamoDB reserved words. */
    private static final Map<String, String> NAMES = Map.of("#owner", "owner", "#status", "status");

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    /** A store on {@code table} whose lease checks read {@code clock}. */
    public DynamoDbRunStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** A store on {@code table} on the system clock. */
    public DynamoDbRunStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, Clock.systemUTC());
    }

    @Override
    public boolean claim(String idempotencyKey, String owner, Instant leaseUntil) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":key", s(idempotencyKey));
        values.put(":owner", s(owner));
        values.put(":inProgress", s(RunStatus.IN_PROGRESS.name()));
        values.put(":failed", s(RunStatus.FAILED.name()));
        values.put(":lease", n(leaseUntil.toEpochMilli()));
        values.put(":nowMillis", n(now.toEpochMilli()));
        values.put(":now", instant(now));
        values.put(":one", n(1));
        String token = UUID.randomUUID().toString();
        values.put(":token", s(token));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(RUN + idempotencyKey))
                    .updateExpression("SET idempotencyKey = :key, #owner = :owner, #status = :inProgress, "
                            + "leaseUntil = :lease, updatedAt = :now, writeToken = :token REMOVE summary "
                            + "ADD attempts :one")
                    .conditionExpression("attribute_not_exists(pk) OR #status = :failed "
                            + "OR (#status = :inProgress AND leaseUntil < :nowMillis)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return wroteItself(RUN + idempotencyKey, token);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", table, e);
        }
    }

    @Override
    public void complete(String idempotencyKey, String owner, String summary) {
        finish(idempotencyKey, owner, RunStatus.COMPLETED, summary);
    }

    @Override
    public void fail(String idempotencyKey, String owner, String reason) {
        finish(idempotencyKey, owner, RunStatus.FAILED, reason);
    }

    private void finish(String idempotencyKey, String owner, RunStatus status, String summary) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", s(owner));
        values.put(":inProgress", s(RunStatus.IN_PROGRESS.name()));
        values.put(":status", s(status.name()));
        values.put(":summary", s(summary == null ? "" : summary));
        values.put(":now", instant(clock.instant()));
        String token = UUID.randomUUID().toString();
        values.put(":token", s(token));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(RUN + idempotencyKey))
                    .updateExpression("SET #status = :status, summary = :summary, updatedAt = :now, "
                            + "writeToken = :token")
                    .conditionExpression("#status = :inProgress AND #owner = :owner")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException lost) {
            if (wroteItself(RUN + idempotencyKey, token)) {
                return;
            }
            String holder = run(idempotencyKey).map(r -> r.status() + " by '" + r.owner() + "'")
                    .orElse("never claimed");
            throw new ConflictException("cannot mark run '" + idempotencyKey + "' " + status + ": it is not held by '"
                    + owner + "' (now " + holder + "); its lease probably expired and another invocation took it "
                    + "over, so this result must be discarded", lost);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", table, e);
        }
    }

    /**
     * Whether the item holds {@code token}: then the condition failed on a retry of this very request, whose
     * first attempt was applied but whose answer was lost (a timeout, a dropped connection), and the write is done.
     */
    private boolean wroteItself(String pk, String token) {
        return read(pk, item -> item.containsKey("writeToken") ? item.get("writeToken").s() : "")
                .map(token::equals).orElse(false);
    }

    @Override
    public Optional<RunRecord> run(String idempotencyKey) {
        return read(RUN + idempotencyKey, item -> new RunRecord(
                Attributes.string(item, "idempotencyKey"),
                Attributes.string(item, "owner"),
                RunStatus.valueOf(Attributes.string(item, "status")),
                Instant.ofEpochMilli(Attributes.longNumber(item, "leaseUntil")),
                Attributes.optionalString(item, "summary"),
                (int) Attributes.longNumber(item, "attempts"),
                Attributes.instant(item, "updatedAt")));
    }

    @Override
    public void putUploadStatus(UploadStatus status) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(UPLOAD + status.uploadId()));
        item.put("uploadId", s(status.uploadId()));
        item.put("seller", s(status.seller()));
        item.put("sourceKey", s(status.sourceKey()));
        item.put("state", s(status.state().name()));
        Attributes.putIfPresent(item, "reportKey", status.reportKey());
        Attributes.putIfPresent(item, "runId", status.runId());
        item.put("message", s(status.message()));
        item.put("updatedAt", instant(status.updatedAt()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("PutItem", table, e);
        }
    }

    @Override
    public Optional<UploadStatus> uploadStatus(String uploadId) {
        return read(UPLOAD + uploadId, item -> new UploadStatus(
                Attributes.string(item, "uploadId"),
                Attributes.string(item, "seller"),
                Attributes.string(item, "sourceKey"),
                UploadState.valueOf(Attributes.string(item, "state")),
                Attributes.optionalString(item, "reportKey"),
                Attributes.optionalString(item, "runId"),
                Attributes.optionalString(item, "message"),
                Attributes.instant(item, "updatedAt")));
    }

    @Override
    public int addTrainedShard(String runId, int shard) {
        if (shard < 0) {
            throw new IllegalArgumentException("shard must be >= 0, got " + shard);
        }
        Map<String, AttributeValue> values = Map.of(
                ":run", s(runId),
                ":shard", AttributeValue.fromNs(List.of(Integer.toString(shard))),
                ":now", instant(clock.instant()));
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(TRAINING + runId))
                    .updateExpression("SET runId = :run, updatedAt = :now ADD shards :shard")
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return updated.get("shards").ns().size();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", table, e);
        }
    }

    @Override
    public boolean updateTraining(String uploadId, String seller, String runId, UploadState state, String message,
                                  Instant updatedAt) {
        if (!state.setByTraining()) {
            throw new IllegalArgumentException(state + " is not a training state");
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(uploadId));
        values.put(":seller", s(seller));
        values.put(":none", s(""));
        values.put(":state", s(state.name()));
        values.put(":trained", s(UploadState.TRAINED.name()));
        values.put(":run", s(runId));
        values.put(":message", s(message == null ? "" : message));
        values.put(":now", instant(updatedAt));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(UPLOAD + uploadId))
                    .updateExpression("SET uploadId = :id, seller = if_not_exists(seller, :seller), "
                            + "sourceKey = if_not_exists(sourceKey, :none), #state = :state, runId = :run, "
                            + "message = :message, updatedAt = :now")
                    .conditionExpression("attribute_not_exists(#state) OR #state <> :trained")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyTrained) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", table, e);
        }
    }

    @Override
    public long datasetVersion(String seller) {
        return read(DATASET + seller, item -> Attributes.longNumber(item, "version")).orElse(0L);
    }

    @Override
    public boolean compareAndSetVersion(String seller, long expected, long next) {
        if (next <= expected) {
            throw new IllegalArgumentException("next version " + next + " must exceed expected " + expected);
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":seller", s(seller));
        values.put(":expected", n(expected));
        values.put(":next", n(next));
        values.put(":now", instant(clock.instant()));
        String condition = expected == 0 ? "attribute_not_exists(pk) OR version = :expected" : "version = :expected";
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(DATASET + seller))
                    .updateExpression("SET seller = :seller, version = :next, updatedAt = :now")
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("UpdateItem", table, e);
        }
    }

    private <T> Optional<T> read(String pk, Function<Map<String, AttributeValue>, T> mapper) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("GetItem", table, e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.apply(item));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new StoreException("item '" + pk + "' of table '" + table + "' is malformed: " + e.getMessage(), e);
        }
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(TableSchemas.RUNS_PK, s(pk));
    }
}
