/**
 * AWS adapters of the core ports: the SDK client factory ({@link io.trendcast.aws.AwsClients}) and its settings.
 * Technology-specific implementations live in {@code io.trendcast.aws.s3}, {@code io.trendcast.aws.dynamodb} and
 * {@code io.trendcast.aws.event}.
 */
package io.trendcast.aws;
