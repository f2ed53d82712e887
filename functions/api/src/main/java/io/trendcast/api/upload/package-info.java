/**
 * {@code GET /v1/sellers/{seller}/uploads/{uploadId}}: the upload report ingest wrote to S3 (FORMATS.md §2) with
 * the upload's status from the Runs table under {@code training}.
 */
package io.trendcast.api.upload;
