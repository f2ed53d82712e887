package io.trendcast.aws.s3;

import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One upload of a stream of unknown length. The first part is read before anything is sent: a stream shorter
 * than one part goes up as a single PutObject. Longer streams become a multipart upload through one reused part
 * buffer, so memory stays at one part whatever the object's size; on any failure the upload is aborted so no
 * orphaned parts are billed.
 */
final class MultipartPut {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final int partSize;

    MultipartPut(S3Client s3, String bucket, String key, String contentType, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partSize = partSize;
    }

    void upload(InputStream in) {
        byte[] buffer = new byte[partSize];
        int filled = fill(in, buffer);
        if (filled < partSize) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength((long) filled),
                        body(buffer, filled));
                return;
            } catch (SdkException e) {
                throw S3Errors.translate("PutObject", bucket, key, e);
            }
        }
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        } catch (SdkException e) {
            throw S3Errors.translate("CreateMultipartUpload", bucket, key, e);
        }
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int length = filled; length > 0; length = fill(in, buffer)) {
                parts.add(uploadPart(uploadId, parts.size() + 1, buffer, length));
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            abort(uploadId, e);
            throw S3Errors.translate("multipart upload", bucket, key, e);
        } catch (RuntimeException e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private CompletedPart uploadPart(String uploadId, int number, byte[] buffer, int length) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength((long) length), body(buffer, length)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    /** A request body over the buffer without copying it; the buffer is reused only after the request returns. */
    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length);
    }

    /** Reads into {@code buffer} until it is full or the stream ends; returns the number of bytes read. */
    private int fill(InputStream in, byte[] buffer) {
        try {
            int filled = 0;
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled;
        } catch (IOException e) {
            throw new StoreException("put s3://" + bucket + "/" + key + ": reading the content failed: "
                    + e.getMessage(), e);
        }
    }

    private void abort(String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }
}
