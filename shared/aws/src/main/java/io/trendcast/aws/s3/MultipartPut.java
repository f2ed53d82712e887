package io.trendcast.aws.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One upload of a stream of unknown length. The first part is read before anything is sent: a stream shorter
 * than one part goes up as a single PutObject. Longer streams become a multipart upload, one part in memory at a
 * time; on any failure the upload is aborted so no orphaned parts are billed.
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
        byte[] first = S3BlobStore.readPart(in, partSize, key);
        if (first.length < partSize) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(first));
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
            byte[] part = first;
            while (part.length > 0) {
                parts.add(uploadPart(uploadId, parts.size() + 1, part));
                part = S3BlobStore.readPart(in, partSize, key);
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

    private CompletedPart uploadPart(String uploadId, int number, byte[] bytes) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private void abort(String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }
}
