package io.trendcast.aws.event;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.s3.ETags;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes S3 event notifications ({@code Records[].eventTime}, {@code .s3.bucket.name},
 * {@code .object.key/size/eTag/versionId/sequencer}) into {@link ObjectCreated} values. Only {@code ObjectCreated:*} records are returned: deletions,
 * S3's {@code s3:TestEvent} and other events decode to nothing. Object keys arrive URL-encoded with {@code +} for
 * space; they are decoded here so callers see the real key.
 *
 * <p>Thread-safe; build one per container.
 */
public final class S3EventDecoder {

    private static final String CREATED_PREFIX = "ObjectCreated:";

    private final ObjectMapper mapper;

    /** A decoder with its own {@link ObjectMapper}. */
    public S3EventDecoder() {
        this(new ObjectMapper());
    }

    /** A decoder reading JSON with {@code mapper} (for example the function's shared one). */
    public S3EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Decodes notification JSON.
     *
     * @throws MalformedEventException when the text is not JSON or a created record lacks a required field
     */
    public List<ObjectCreated> decode(String json) {
        try {
            return decode(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("S3 event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes notification JSON from a stream (a {@code RequestStreamHandler}'s input); the stream is not closed.
     *
     * @throws MalformedEventException when the content is not JSON or a created record lacks a required field
     */
    public List<ObjectCreated> decode(InputStream json) {
        try {
            return decode(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("S3 event is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException("S3 event could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a parsed notification.
     *
     * @throws MalformedEventException when a created record lacks a required field
     */
    public List<ObjectCreated> decode(JsonNode root) {
        List<ObjectCreated> created = new ArrayList<>();
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) {
            return created;
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!record.path("eventName").asText("").startsWith(CREATED_PREFIX)) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            JsonNode object = s3.path("object");
            created.add(new ObjectCreated(
                    required(s3.path("bucket").path("name"), "s3.bucket.name", i),
                    decodeKey(required(object.path("key"), "s3.object.key", i)),
                    object.path("size").asLong(0),
                    ETags.unquote(text(object.path("eTag"))),
                    text(object.path("versionId")),
                    text(object.path("sequencer")),
                    time(text(record.path("eventTime")), i)));
        }
        return created;
    }

    /**
     * Decodes the Lambda runtime's notification type ({@code S3Event} extends it), as a Quarkus or plain Lambda
     * handler receives it.
     *
     * @throws MalformedEventException when a created record lacks a bucket or key
     */
    public List<ObjectCreated> decode(S3EventNotification event) {
        List<ObjectCreated> created = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return created;
        }
        int i = 0;
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            String eventName = record.getEventName();
            if (eventName != null && eventName.startsWith(CREATED_PREFIX)) {
                S3EventNotification.S3Entity s3 = record.getS3();
                if (s3 == null || s3.getBucket() == null || s3.getObject() == null || s3.getObject().getKey() == null) {
                    throw new MalformedEventException("S3 event record " + i + " lacks its bucket or object key");
                }
                S3EventNotification.S3ObjectEntity object = s3.getObject();
                Long size = object.getSizeAsLong();
                created.add(new ObjectCreated(s3.getBucket().getName(), decodeKey(object.getKey()),
                        size == null ? 0 : size, ETags.unquote(object.geteTag()), object.getVersionId(),
                        object.getSequencer(), record.getEventTime() == null ? null
                                : Instant.ofEpochMilli(record.getEventTime().getMillis())));
            }
            i++;
        }
        return created;
    }

    /** URL-decodes an object key as S3 encodes it in notifications ({@code +} for space, {@code %XX} escapes). */
    public static String decodeKey(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("object key '" + encoded + "' is not URL-encoded as S3 sends it", e);
        }
    }

    private static Instant time(String text, int record) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("S3 event record " + record + " has eventTime '" + text
                    + "', not an ISO-8601 time", e);
        }
    }

    private static String required(JsonNode node, String field, int record) {
        String value = text(node);
        if (value == null || value.isEmpty()) {
            throw new MalformedEventException("S3 event record " + record + " lacks " + field);
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
