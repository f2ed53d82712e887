package io.trendcast.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.local.stack.LocalS3;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects written through S3Proxy by the AWS SDK notify subscribed functions with the event AWS sends. */
class NotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "trendcast-test";
    private static final List<Subscription> RULES = List.of(
            new Subscription("uploads-csv", "uploads/", ".csv", "ingest"),
            new Subscription("features", "features/", "", "train"));

    @TempDir
    Path dir;
    private final BlockingQueue<String[]> delivered = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private NotificationDispatcher dispatcher;
    private LocalS3 s3;
    private AwsClients clients;

    @BeforeEach
    void start() {
        Invoker invoker = (function, event) -> {
            delivered.add(new String[] {function, event});
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("injected failure");
            }
            return "null";
        };
        dispatcher = new NotificationDispatcher("us-east-1", BUCKET, RULES, invoker,
                List.of(Duration.ofMillis(10), Duration.ofMillis(20)), dir.resolve("dead-letters.jsonl"),
                Clock.systemUTC());
        s3 = LocalS3.start(dir.resolve("s3"), io.trendcast.local.stack.Ports.free(), dispatcher);
        s3.ensureBucket(BUCKET);
        clients = new AwsClients(AwsSettings.forLocalEndpoints(s3.endpoint(), null));
    }

    @AfterEach
    void stop() {
        clients.close();
        s3.close();
        dispatcher.close();
    }

    private String[] next() throws InterruptedException {
        String[] event = delivered.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no event delivered within 10 s");
        return event;
    }

    @Test
    void putUnderUploadsSendsTheEventAwsSends() throws Exception {
        byte[] content = "date,item,quantity\n2024-11-01,a,3\n".getBytes(StandardCharsets.UTF_8);
        String key = "uploads/s1/november sales été.csv";
        clients.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));

        String[] delivery = next();
        assertEquals("ingest", delivery[0]);
        JsonNode actual = JSON.readTree(delivery[1]);
        JsonNode fixture = JSON.readTree(RepoRoot.find().resolve("events/s3-put-upload.json").toFile());
        TreeSet<String> expectedPaths = paths(fixture);
        expectedPaths.remove("/Records/0/s3/object/versionId");
        assertEquals(expectedPaths, paths(actual), "same fields as events/s3-put-upload.json (no versioning)");

        JsonNode record = actual.get("Records").get(0);
        assertEquals("ObjectCreated:Put", record.get("eventName").asText());
        assertEquals("uploads-csv", record.at("/s3/configurationId").asText());
        assertEquals(BUCKET, record.at("/s3/bucket/name").asText());
        assertEquals("arn:aws:s3:::" + BUCKET, record.at("/s3/bucket/arn").asText());
        assertEquals("uploads/s1/november+sales+%C3%A9t%C3%A9.csv", record.at("/s3/object/key").asText(),
                "encoded as S3 encodes keys (compare the fixture's key)");
        assertEquals(content.length, record.at("/s3/object/size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)),
                record.at("/s3/object/eTag").asText());
        assertTrue(record.at("/s3/object/sequencer").asText().matches("[0-9A-F]{18}"));
        assertTrue(record.get("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void multipartAndCopyAreCreatedEventsToo() throws Exception {
        String upload = clients.s3().createMultipartUpload(b -> b.bucket(BUCKET).key("features/s1/r1/part-0001"))
                .uploadId();
        byte[] part = new byte[5 * 1024 * 1024];
        String etag = clients.s3().uploadPart(b -> b.bucket(BUCKET).key("features/s1/r1/part-0001")
                .uploadId(upload).partNumber(1), RequestBody.fromBytes(part)).eTag();
        clients.s3().completeMultipartUpload(b -> b.bucket(BUCKET).key("features/s1/r1/part-0001").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        String[] multipart = next();
        assertEquals("train", multipart[0]);
        JsonNode record = JSON.readTree(multipart[1]).get("Records").get(0);
        assertEquals("ObjectCreated:CompleteMultipartUpload", record.get("eventName").asText());
        assertEquals(part.length, record.at("/s3/object/size").asLong());

        clients.s3().copyObject(b -> b.sourceBucket(BUCKET).sourceKey("features/s1/r1/part-0001")
                .destinationBucket(BUCKET).destinationKey("uploads/s2/copy.csv"));
        String[] copy = next();
        assertEquals("ingest", copy[0]);
        assertEquals("ObjectCreated:Copy", JSON.readTree(copy[1]).at("/Records/0/eventName").asText());
    }

    @Test
    void objectsOutsideTheFiltersNotifyNobody() throws Exception {
        clients.s3().putObject(b -> b.bucket(BUCKET).key("reports/s1/u1.json"), RequestBody.fromString("{}"));
        clients.s3().putObject(b -> b.bucket(BUCKET).key("uploads/s1/notes.txt"), RequestBody.fromString("x"));
        clients.s3().putObject(b -> b.bucket(BUCKET).key("uploads/s1/ok.csv"), RequestBody.fromString("x"));
        assertTrue(next()[1].contains("ok.csv"), "only the .csv under uploads/ is delivered");
        assertNull(delivered.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void failedInvocationIsRetriedTwiceThenDeadLettered() throws Exception {
        failuresLeft.set(3);
        clients.s3().putObject(b -> b.bucket(BUCKET).key("uploads/s1/bad.csv"), RequestBody.fromString("x"));
        List<String> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attempts.add(next()[1]);
        }
        assertEquals(1, new TreeSet<>(attempts).size(), "the same event each time");
        assertNull(delivered.poll(300, TimeUnit.MILLISECONDS), "no fourth attempt");
        Path deadLetters = dir.resolve("dead-letters.jsonl");
        JsonNode line = JSON.readTree(Files.readAllLines(deadLetters).get(0));
        assertEquals("ingest", line.get("function").asText());
        assertEquals(JSON.readTree(attempts.get(0)), line.get("event"));

        failuresLeft.set(1);
        clients.s3().putObject(b -> b.bucket(BUCKET).key("uploads/s1/flaky.csv"), RequestBody.fromString("x"));
        next();
        next();
        assertNull(delivered.poll(300, TimeUnit.MILLISECONDS), "succeeded on the first retry");
        assertEquals(1, Files.readAllLines(deadLetters).size());
    }

    private static TreeSet<String> paths(JsonNode node) {
        TreeSet<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, TreeSet<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path + "/" + field.getKey(), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, paths);
            }
        } else {
            paths.add(path);
        }
    }
}
