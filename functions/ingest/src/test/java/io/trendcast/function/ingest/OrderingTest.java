package io.trendcast.function.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.upload.DatasetUpdater;
import io.trendcast.core.upload.SalesCell;
import io.trendcast.testing.faults.FaultPlan;
import io.trendcast.testing.faults.InjectedFault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Different uploads of one seller that give the same series-days, delivered (or processed) in any order, against
 * S3Proxy and dynalite: the history, its upload table and the last run's feature shards are exactly those of the
 * in-order run, in which the later-created upload's value wins each day. Also with a crash in the middle of the
 * late upload's ingest, and for an upload whose days were all superseded before it arrived.
 */
@QuarkusTest
@WithTestResource(EmulatorsResource.class)
class OrderingTest {

    private static final Instant T0 = Instant.parse("2024-06-01T09:00:00.100Z");
    private static final LocalDate DAY1 = LocalDate.of(2024, 3, 1);

    @Inject
    IngestService service;

    @Inject
    BlobStore blobs;

    @Inject
    RunStore runs;

    @Inject
    FaultPlan faults;

    @AfterEach
    void disarm() {
        faults.reset();
    }

    /**
     * Upload {@code i} (created at T0 + i seconds) gives item {@code shared} on days {@code 10i+1 .. 10i+30} with
     * quantity {@code 100(i+1) + day}, and item {@code own-i} alone; so each later upload overlaps the earlier ones.
     * The file names run against the creation order ({@code c.csv} is the first), so the key does not decide.
     */
    private String put(String seller, int i) {
        StringBuilder csv = new StringBuilder("date,item_id,quantity\n");
        for (int d = 10 * i + 1; d <= 10 * i + 30; d++) {
            csv.append(DAY1.plusDays(d - 1)).append(",shared,").append(100 * (i + 1) + d).append('\n');
        }
        for (int d = 1; d <= 30; d++) {
            csv.append(DAY1.plusDays(d - 1)).append(",own-").append(i).append(',').append(i + d % 5).append('\n');
        }
        String key = "uploads/" + seller + "/" + (char) ('c' - i) + ".csv";
        blobs.put(key, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        return key;
    }

    @Test
    void twoOverlappingUploadsDeliveredInReverseOrderEndAsTheInOrderRun() {
        Snapshot inOrder = run("ord-two-in-order", new int[]{0, 1});
        Snapshot reversed = run("ord-two-reversed", new int[]{1, 0});
        assertEquals(inOrder.text(), reversed.text());
        List<SalesCell> shared = reversed.history().stream().filter(c -> c.series().item().equals("shared")).toList();
        assertEquals(40, shared.size(), "days 1..40");
        assertEquals(101.0, shared.get(0).quantity(), "day 1: only the first upload has it");
        assertEquals(211.0, shared.get(10).quantity(), "day 11: both have it, the later-created one wins");
        assertEquals(240.0, shared.get(39).quantity());
        assertTrue(reversed.summaries().get(1).contains("PARTIAL") || reversed.summaries().get(1).contains("ACCEPTED"));
        String lateReport = Stored.json(blobs, "reports/ord-two-reversed/" + reversed.uploadIds().get(0) + ".json")
                .path("warnings").toString();
        assertTrue(lateReport.contains("20 series-days of this file were not applied"), lateReport);
    }

    @Test
    void everyOrderOfThreeOverlappingUploadsEndsAsTheInOrderRun() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        Snapshot inOrder = run("ord-three-012", orders[0]);
        for (int[] order : Arrays.copyOfRange(orders, 1, orders.length)) {
            Snapshot other = run("ord-three-" + order[0] + order[1] + order[2], order);
            assertEquals(inOrder.text(), other.text(), "order " + Arrays.toString(order));
        }
        List<SalesCell> shared = inOrder.history().stream().filter(c -> c.series().item().equals("shared")).toList();
        assertEquals(List.of(101.0, 211.0, 321.0, 350.0), List.of(shared.get(0).quantity(), shared.get(10).quantity(),
                shared.get(20).quantity(), shared.get(49).quantity()));
    }

    @Test
    void aCrashAtAnyWriteOfTheLateUploadsIngestThenTheRetryEndsAsTheInOrderRun() {
        Snapshot inOrder = run("ord-crash-clean", new int[]{0, 1, 2});
        faults.reset();
        assertEquals(inOrder.text(), lateFirstUpload("ord-crash-count", 0).text());
        int writes = faults.writes();
        assertTrue(writes >= 12, "the late upload's writes: " + writes);
        for (int k = 1; k <= writes; k++) {
            assertEquals(inOrder.text(), lateFirstUpload("ord-crash-at-" + k, k).text(), "crash at write " + k);
        }
    }

    /**
     * Uploads 2 and 1 are ingested, then upload 0, the earliest, whose ingest crashes at write {@code crashAt}
     * (0: never) and whose event is then delivered again.
     */
    private Snapshot lateFirstUpload(String seller, int crashAt) {
        String[] keys = {put(seller, 0), put(seller, 1), put(seller, 2)};
        handle(keys[2], T0.plusSeconds(2), "a");
        handle(keys[1], T0.plusSeconds(1), "b");
        if (crashAt == 0) {
            faults.reset();
            assertTrue(handle(keys[0], T0, "c").contains("ACCEPTED"));
        } else {
            faults.failAt(crashAt);
            assertThrows(InjectedFault.class, () -> handle(keys[0], T0, "c"));
            faults.reset();
            String retried = handle(keys[0], T0, "c-retry");
            assertTrue(retried.contains("ACCEPTED") || retried.startsWith("duplicate"), retried);
        }
        return snapshot(seller, keys, List.of());
    }

    @Test
    void aLateEventOfAnUploadWhollySupersededChangesNoDayAndIsAppliedOnce() {
        String seller = "ord-late-superseded";
        String old = "uploads/" + seller + "/old.csv";
        String fresh = "uploads/" + seller + "/fresh.csv";
        blobs.put(old, "date,item_id,quantity\n2024-03-01,a,1\n2024-03-02,a,1\n".getBytes(StandardCharsets.UTF_8),
                "text/csv");
        blobs.put(fresh, "date,item_id,quantity\n2024-03-01,a,9\n2024-03-02,a,9\n2024-03-03,a,9\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        handle(fresh, T0.plusSeconds(60), "f");
        String late = handle(old, T0, "o");
        assertTrue(late.contains("ACCEPTED") && late.contains("run r2-"), late);
        assertEquals(List.of("a 2024-03-01 9.0", "a 2024-03-02 9.0", "a 2024-03-03 9.0"),
                Stored.history(blobs, seller, 2).stream().map(c -> c.series().encode() + " " + c.date() + " "
                        + c.quantity()).toList());
        String oldId = uploadId(old);
        assertTrue(Stored.json(blobs, "reports/" + seller + "/" + oldId + ".json").path("warnings").toString()
                .contains("2 series-days of this file were not applied"));
        assertTrue(handle(old, T0, "o-again").startsWith("duplicate"), "a redelivery changes nothing");
        assertEquals(2, runs.datasetVersion(seller));
    }

    @Test
    void withoutEventTimeTheObjectsLastModifiedDecides() throws InterruptedException {
        String seller = "ord-no-event-time";
        String first = "uploads/" + seller + "/z-first.csv";
        String second = "uploads/" + seller + "/a-second.csv";
        blobs.put(first, "date,item_id,quantity\n2024-03-01,a,1\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        Thread.sleep(1100);
        blobs.put(second, "date,item_id,quantity\n2024-03-01,a,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        Instant firstCreated = blobs.head(first).map(BlobInfo::lastModified).orElseThrow();
        assertTrue(blobs.head(second).orElseThrow().lastModified().isAfter(firstCreated),
                "S3 keeps whole seconds: the puts are more than a second apart");
        handle(second, null, "s");
        handle(first, null, "f");
        assertEquals(2.0, Stored.history(blobs, seller, 2).get(0).quantity(), "the later object wins");
        assertEquals(firstCreated.toString(), tableRows(seller, 2).get(uploadId(first)).split(",")[2]);
    }

    private Snapshot run(String seller, int[] order) {
        String[] keys = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            keys[i] = put(seller, i);
        }
        List<String> summaries = new ArrayList<>();
        for (int i : order) {
            summaries.add(handle(keys[i], T0.plusSeconds(i), "req-" + i));
        }
        return snapshot(seller, keys, summaries);
    }

    private Snapshot snapshot(String seller, String[] keys, List<String> summaries) {
        long version = runs.datasetVersion(seller);
        assertEquals(keys.length, version, "one version per upload");
        List<String> ids = Arrays.stream(keys).map(OrderingTest::uploadId).toList();
        List<String> text = new ArrayList<>();
        text.add(gunzip(DatasetUpdater.historyKey(seller, version)));
        text.add(Stored.text(blobs, DatasetUpdater.uploadTableKey(seller, version)));
        String run = blobs.list("features/" + seller + "/r" + version + "-").map(BlobInfo::key).findFirst()
                .orElseThrow().split("/")[2];
        blobs.list("features/" + seller + "/" + run + "/part-").map(BlobInfo::key).sorted()
                .forEach(key -> text.add(key.substring(key.lastIndexOf('/')) + "\n" + gunzip(key)));
        String joined = String.join("\n", text).replace(seller, "{seller}");
        for (int i = 0; i < ids.size(); i++) {
            joined = joined.replace(ids.get(i), "{upload" + i + "}");
        }
        return new Snapshot(joined, Stored.history(blobs, seller, version), ids, summaries);
    }

    /** Rows of a version's upload table by upload id. */
    private Map<String, String> tableRows(String seller, long version) {
        Map<String, String> rows = new TreeMap<>();
        for (String line : Stored.text(blobs, DatasetUpdater.uploadTableKey(seller, version)).split("\n")) {
            rows.put(line.split(",")[1], line);
        }
        return rows;
    }

    private String gunzip(String key) {
        try (InputStream in = new GZIPInputStream(blobs.get(key))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event S3 sends for {@code key} (version {@code v1}), created at {@code created} (none when null). */
    private String handle(String key, Instant created, String requestId) {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(
                URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"), 100L, "etag-v1", "v1",
                "0055AED6DCD90281E5");
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("trendcast-uploads",
                new S3EventNotification.S3BucketEntity(EmulatorsResource.BUCKET, null, "arn:aws:s3:::bucket"),
                object, "1.0");
        return service.handle(new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
                "ObjectCreated:Put", "aws:s3", created == null ? null : created.toString(), "2.1", null, null, s3,
                null))), requestId);
    }

    private static String uploadId(String key) {
        return new ObjectCreated(EmulatorsResource.BUCKET, key, 100, "etag-v1", "v1", null).uploadId();
    }

    /** A seller's final history, upload table and last run's shards as text, seller and upload ids replaced. */
    private record Snapshot(String text, List<SalesCell> history, List<String> uploadIds, List<String> summaries) {
    }
}
