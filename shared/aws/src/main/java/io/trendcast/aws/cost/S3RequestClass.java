package io.trendcast.aws.cost;

/**
 * The price tier of an S3 request (S3 Standard pricing): PUT, COPY, POST and LIST requests at one price, GET,
 * SELECT and every other request at the lower one, DELETE and CANCEL (abort) free.
 */
public enum S3RequestClass {
    /** GET, HEAD, SELECT and other requests. */
    GET,
    /** PUT, COPY, POST and LIST requests. */
    PUT,
    /** DELETE and abort requests. */
    FREE;

    /** The tier of an SDK operation, e.g. {@code GetObject} is GET, {@code ListObjectsV2} is PUT. */
    public static S3RequestClass ofOperation(String operation) {
        String op = operation == null ? "" : operation;
        if (op.startsWith("Delete") || op.equals("AbortMultipartUpload")) {
            return FREE;
        }
        for (String prefix : new String[] {"Put", "Copy", "Create", "Complete", "Upload", "List", "Restore",
                "Post"}) {
            if (op.startsWith(prefix)) {
                return PUT;
            }
        }
        return GET;
    }
}
