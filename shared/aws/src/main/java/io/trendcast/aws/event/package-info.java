/**
 * Decoding of S3 event notifications into {@link io.trendcast.aws.event.ObjectCreated} values, from raw JSON (as
 * S3 sends it and as {@code events/*.json} hold it) or from the Lambda runtime's {@code S3Event}.
 */
package io.trendcast.aws.event;
