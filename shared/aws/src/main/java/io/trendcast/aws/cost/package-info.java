/**
 * Cost metering of function invocations. {@link io.trendcast.aws.cost.UsageCounter}, an SDK execution
 * interceptor registered on every client {@link io.trendcast.aws.AwsClients} builds, counts the S3 requests each
 * invocation sends (every attempt, by price tier) and the DynamoDB capacity units DynamoDB reports as consumed
 * (it asks for them with {@code ReturnConsumedCapacity=TOTAL}). {@link io.trendcast.aws.cost.CostMeter} measures
 * the handler's duration, prices the invocation with the core's {@link io.trendcast.core.cost.PriceTable}, appends
 * one ledger item and prints one CloudWatch Embedded Metric Format line.
 *
 * <p>A Lambda execution environment runs one invocation at a time, so the counter keeps one invocation in
 * progress for the whole container: requests sent from any thread while it runs count for it. Requests sent
 * outside an invocation (container initialisation) and the ledger's own PutItem are not counted.
 */
package io.trendcast.aws.cost;
