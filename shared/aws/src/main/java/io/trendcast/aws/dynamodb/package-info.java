/**
 * DynamoDB implementations of the core ports and the tables they use.
 *
 * <p>{@link io.trendcast.aws.dynamodb.TableNames} names the four tables, {@link io.trendcast.aws.dynamodb.TableSchemas}
 * defines them (on-demand; the SAM template mirrors these definitions). Adapters:
 * {@link io.trendcast.aws.dynamodb.DynamoDbRunStore}, {@link io.trendcast.aws.dynamodb.DynamoDbForecastStore},
 * {@link io.trendcast.aws.dynamodb.DynamoDbApiKeyStore}. Multi-item steps use conditional writes and idempotent
 * retries, never transactions (dynalite has none, and none are needed).
 */
package io.trendcast.aws.dynamodb;
