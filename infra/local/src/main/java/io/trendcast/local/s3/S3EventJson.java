package io.trendcast.local.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The S3 event notification (event version 2.1) for one created object, field for field as AWS sends it to
 * Lambda (compare {@code events/s3-put-upload.json}): the key URL-encoded with {@code +} for space and {@code /}
 * kept, the ETag without quotes, {@code versionId} only for versioned objects.
 */
public final class S3EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3EventJson() {
    }

    /**
     * @param eventName {@code ObjectCreated:Put}, {@code ObjectCreated:CompleteMultipartUpload} or
     *                  {@code ObjectCreated:Copy}
     * @param versionId the version id, or {@code null} when the bucket is not versioned
     */
    public static String objectCreated(String region, String configurationId, String eventName, Instant time,
                                       String bucket, String key, long size, String etag, String versionId,
                                       String sequencer) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", time.truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:LOCAL");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", sequencer.substring(Math.max(0, sequencer.length() - 16)));
        response.put("x-amz-id-2", "local/" + sequencer);
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "LOCAL");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("eTag", etag);
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        object.put("sequencer", sequencer);
        ObjectNode root = JSON.createObjectNode();
        root.putArray("Records").add(record);
        return root.toString();
    }

    /** Encodes a key as S3 does in notifications: form encoding per path segment, {@code /} kept. */
    static String encodeKey(String key) {
        StringBuilder encoded = new StringBuilder(key.length() + 16);
        int start = 0;
        for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', start)) {
            encoded.append(URLEncoder.encode(key.substring(start, slash), StandardCharsets.UTF_8)).append('/');
            start = slash + 1;
        }
        return encoded.append(URLEncoder.encode(key.substring(start), StandardCharsets.UTF_8)).toString();
    }
}
