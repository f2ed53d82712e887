package io.trendcast.aws.cost;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts, for the invocation in progress, the S3 requests sent (each HTTP attempt, retries included, as S3 bills
 * them) by price tier, and the DynamoDB capacity units consumed as DynamoDB reports them: it sets
 * {@code ReturnConsumedCapacity=TOTAL} on every item, query, scan and batch request and adds up the
 * {@code ConsumedCapacity} of the responses. A write rejected by its condition consumes capacity that DynamoDB
 * does not report in the error; it is not counted. Outside an invocation nothing is counted or changed.
 */
public final class UsageCounter implements ExecutionInterceptor {

    private final AtomicReference<RequestTally> current = new AtomicReference<>();

    /** Starts counting for a new invocation; its tally replaces any earlier one. */
    public RequestTally begin() {
        RequestTally tally = new RequestTally();
        current.set(tally);
        return tally;
    }

    /** Stops counting for the invocation of {@code tally}. */
    public void end(RequestTally tally) {
        current.compareAndSet(tally, null);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (current.get() == null) {
            return request;
        }
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r && lacks(r.returnConsumedCapacity())) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        RequestTally tally = current.get();
        if (tally != null && "S3".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            tally.s3(S3RequestClass.ofOperation(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
        }
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        RequestTally tally = current.get();
        if (tally == null) {
            return;
        }
        SdkResponse response = context.response();
        if (response instanceof GetItemResponse r) {
            tally.readUnits(units(r.consumedCapacity()));
        } else if (response instanceof QueryResponse r) {
            tally.readUnits(units(r.consumedCapacity()));
        } else if (response instanceof ScanResponse r) {
            tally.readUnits(units(r.consumedCapacity()));
        } else if (response instanceof BatchGetItemResponse r) {
            tally.readUnits(units(r.consumedCapacity()));
        } else if (response instanceof PutItemResponse r) {
            tally.writeUnits(units(r.consumedCapacity()));
        } else if (response instanceof UpdateItemResponse r) {
            tally.writeUnits(units(r.consumedCapacity()));
        } else if (response instanceof DeleteItemResponse r) {
            tally.writeUnits(units(r.consumedCapacity()));
        } else if (response instanceof BatchWriteItemResponse r) {
            tally.writeUnits(units(r.consumedCapacity()));
        }
    }

    /** Whether a request asks for no consumed capacity (unset or {@code NONE}), which would go uncounted. */
    private static boolean lacks(ReturnConsumedCapacity asked) {
        return asked != ReturnConsumedCapacity.TOTAL && asked != ReturnConsumedCapacity.INDEXES;
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    private static double units(List<ConsumedCapacity> capacities) {
        double sum = 0;
        for (ConsumedCapacity capacity : capacities) {
            sum += units(capacity);
        }
        return sum;
    }
}
