/**
 * The embedded local stack behind {@code trendcast up}: S3Proxy with notifications ({@link
 * io.trendcast.local.stack.LocalS3}), dynalite ({@link io.trendcast.local.stack.LocalDynamo}), the functions under
 * the local Lambda runtime and the HTTP API, wired as {@link io.trendcast.local.stack.StackDefinition} (which the
 * SAM template must match) says.
 */
package io.trendcast.local.stack;
