/**
 * S3 event notifications for the local S3 server, which S3Proxy lacks: {@link
 * io.trendcast.local.s3.NotifyingBlobStore} wraps the jclouds store S3Proxy serves and reports each object created
 * by a put, a completed multipart upload or a copy; {@link io.trendcast.local.s3.NotificationDispatcher} matches it
 * against the bucket's {@link io.trendcast.local.s3.Subscription}s, builds the event JSON AWS sends ({@link
 * io.trendcast.local.s3.S3EventJson}) and invokes the subscribed function asynchronously, retrying twice on error
 * as Lambda does for asynchronous invocations.
 */
package io.trendcast.local.s3;
