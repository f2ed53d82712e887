package io.trendcast.aws.event;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding the sample events of {@code events/} (the same files {@code sam local invoke} takes). */
class S3EventDecoderTest {

    private final S3EventDecoder decoder = new S3EventDecoder();

    private static Path event(String name) {
        return RepoRoot.find().resolve("events").resolve(name);
    }

    @Test
    void anUploadEventDecodesWithItsKeyUrlDecoded() throws IOException {
        List<ObjectCreated> created = decoder.decode(Files.readString(event("s3-put-upload.json")));

        assertEquals(List.of(new ObjectCreated("trendcast-data", "uploads/s1/november sales été.csv", 1024,
                "0123456789abcdef0123456789abcdef", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "0061A5F1B2C3D4E5F6",
                Instant.parse("2024-12-01T08:15:30.123Z"))), created);
        assertEquals("trendcast-data/uploads/s1/november sales été.csv#v:3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY",
                created.get(0).idempotencyKey());
        // echo -n 'trendcast-data/uploads/s1/november sales été.csv#3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' \
        //     | sha256sum | cut -c1-20   (bucket/key#version, as functions/ingest UploadKey computes it)
        assertEquals("6ac5744f5093b6eb519e", created.get(0).uploadId());
    }

    @Test
    void aFeaturesEventWithoutVersionIsKeyedByItsEtag() throws IOException {
        List<ObjectCreated> created;
        try (InputStream in = Files.newInputStream(event("s3-put-features.json"))) {
            created = decoder.decode(in);
        }
        ObjectCreated shard = created.get(0);
        assertEquals("features/s1/run-20241201T081530Z/part-0003.csv.gz", shard.key());
        assertEquals(9437184, shard.size());
        assertNull(shard.versionId());
        assertEquals("trendcast-data/features/s1/run-20241201T081530Z/part-0003.csv.gz"
                + "#e:b54357faf0632cce46e942fa68356b38-2", shard.idempotencyKey());
    }

    @Test
    void plusMeansSpaceAndEncodedPlusMeansPlus() {
        assertEquals("uploads/s1/a b+c ü.csv", S3EventDecoder.decodeKey("uploads/s1/a+b%2Bc+%C3%BC.csv"));
    }

    @Test
    void onlyCreatedRecordsAreReturnedAndTestEventsDecodeToNothing() {
        String json = """
                {"Records":[
                  {"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"b"},"object":{"key":"gone.csv"}}},
                  {"eventName":"ObjectCreated:Copy","s3":{"bucket":{"name":"b"},
                   "object":{"key":"copied.csv","size":5,"eTag":"\\"abc\\"","sequencer":"0A"}}}]}""";
        assertEquals(List.of(new ObjectCreated("b", "copied.csv", 5, "abc", null, "0A")), decoder.decode(json));
        assertTrue(decoder.decode("""
                {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2024-12-01T08:00:00.000Z",
                 "Bucket":"trendcast-data","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3e"}
                """).isEmpty());
    }

    @Test
    void anEventWithoutTimeHasNoneAndABadTimeIsMalformed() {
        String created = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",%s\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"k.csv\",\"size\":5,\"eTag\":\"abc\"}}}]}";
        assertNull(decoder.decode(created.formatted("")).get(0).eventTime());
        assertEquals(Instant.parse("2024-12-01T07:15:30.120Z"), decoder.decode(
                created.formatted("\"eventTime\":\"2024-12-01T08:15:30.12+01:00\",")).get(0).eventTime());
        MalformedEventException bad = assertThrows(MalformedEventException.class, () -> decoder.decode(
                created.formatted("\"eventTime\":\"yesterday\",")));
        assertTrue(bad.getMessage().contains("eventTime"), bad.getMessage());
    }

    @Test
    void malformedEventsSayWhatIsMissing() {
        MalformedEventException noKey = assertThrows(MalformedEventException.class, () -> decoder.decode(
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}"));
        assertTrue(noKey.getMessage().contains("s3.object.key"), noKey.getMessage());
        assertThrows(MalformedEventException.class, () -> decoder.decode("not json"));
    }

    @Test
    void theLambdaRuntimeTypeDecodesTheSame() {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(
                "uploads/s1/november+sales+%C3%A9t%C3%A9.csv", 1024L, "0123456789abcdef0123456789abcdef",
                "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "0061A5F1B2C3D4E5F6");
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("trendcast-uploads",
                new S3EventNotification.S3BucketEntity("trendcast-data", null, "arn:aws:s3:::trendcast-data"),
                object, "1.0");
        S3EventNotification.S3EventNotificationRecord record = new S3EventNotification.S3EventNotificationRecord(
                "us-east-1", "ObjectCreated:Put", "aws:s3", "2024-12-01T08:15:30.123Z", "2.1", null, null, s3, null);

        assertEquals(decoder.decode(readUnchecked(event("s3-put-upload.json"))),
                decoder.decode(new S3Event(List.of(record))));
    }

    @Test
    void sequencersOrderEventsOfOneKey() {
        ObjectCreated earlier = new ObjectCreated("b", "k", 1, "e1", null, "0055AED6DCD90281E5");
        ObjectCreated later = new ObjectCreated("b", "k", 1, "e2", null, "0055AED6DCD90281E6");
        ObjectCreated longer = new ObjectCreated("b", "k", 1, "e3", null, "1055AED6DCD90281E5");
        assertTrue(later.isAfter(earlier));
        assertFalse(earlier.isAfter(later));
        assertTrue(longer.isAfter(later));
        assertThrows(IllegalArgumentException.class,
                () -> earlier.isAfter(new ObjectCreated("b", "other", 1, "e", null, "01")));
    }

    private static String readUnchecked(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
