package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Translates SDK exceptions from DynamoDB into the ports' exceptions, with a message saying what to check. */
final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    static StoreException translate(String operation, String table, SdkException e) {
        String prefix = "DynamoDB " + operation + " on table '" + table + "'";
        if (e instanceof ResourceNotFoundException) {
            return new StoreException(prefix + ": the table does not exist; check the table names (prefix) in the "
                    + "configuration and that the stack created them", e);
        }
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException) {
            return new StoreException(prefix + " was throttled beyond the retry budget; retry later or raise the "
                    + "account's on-demand limits", e);
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            if (service.statusCode() == 403 || String.valueOf(code).contains("AccessDenied")) {
                return new StoreException(prefix + " was denied; check the credentials and that the role allows "
                        + "dynamodb:" + operation + " on the table", e);
            }
            return new StoreException(prefix + " failed with HTTP " + service.statusCode() + ": "
                    + service.getMessage(), e);
        }
        if (e instanceof SdkClientException) {
            return new StoreException(prefix + " could not be sent or its answer read: " + e.getMessage()
                    + "; check the endpoint and network", e);
        }
        return new StoreException(prefix + " failed: " + e.getMessage(), e);
    }
}
