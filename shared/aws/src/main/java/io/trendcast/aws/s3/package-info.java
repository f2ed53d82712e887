/** The S3 implementation of {@link io.trendcast.core.port.BlobStore}: {@link io.trendcast.aws.s3.S3BlobStore}. */
package io.trendcast.aws.s3;
