package io.trendcast.aws.s3;

import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Translates SDK exceptions from S3 into the ports' exceptions, with a message saying what to check. */
final class S3Errors {

    private S3Errors() {
    }

    static StoreException translate(String operation, String bucket, String key, SdkException e) {
        String where = "s3://" + bucket + "/" + (key == null ? "" : key);
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            int status = service.statusCode();
            if ("NoSuchBucket".equals(code)) {
                return new StoreException("S3 " + operation + " " + where + ": bucket '" + bucket + "' does not "
                        + "exist; check the bucket name in the configuration and that it was deployed", e);
            }
            if ("NoSuchKey".equals(code) || status == 404) {
                return new NotFoundException("S3 " + operation + " " + where + ": no such object", e);
            }
            if (status == 403) {
                return new StoreException("S3 " + operation + " " + where + " was denied (" + code + "); check the "
                        + "credentials and that the role allows s3:" + operation + " on the bucket", e);
            }
            return new StoreException("S3 " + operation + " " + where + " failed with HTTP " + status + " " + code
                    + ": " + service.getMessage(), e);
        }
        if (e instanceof SdkClientException) {
            return new StoreException("S3 " + operation + " " + where + " could not be sent or its answer read: "
                    + e.getMessage() + "; check the endpoint and network", e);
        }
        return new StoreException("S3 " + operation + " " + where + " failed: " + e.getMessage(), e);
    }
}
