package io.trendcast.function.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.upload.FeatureShard;
import io.trendcast.core.upload.SalesCell;
import io.trendcast.testing.faults.FaultPlan;
import io.trendcast.testing.faults.InjectedFault;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At-least-once delivery against S3Proxy and dynalite: a crash at any write of an ingest followed by the retry,
 * duplicate and reordered events, and concurrent uploads of one seller all end with exactly the data of a clean,
 * in-order run.
 */
@QuarkusTest
@WithTestResource(EmulatorsResource.class)
class RetryAndOrderTest {

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

    @Test
    void aCrashAtAnyWriteOfAnUploadFollowedByTheRetryEndsExactlyAsACleanRun() {
        Snapshot clean = twoUploads("crash-clean", 0);
        int writes = faults.writes();
        int injectedBefore = faults.injected();
        assertTrue(writes >= 12, "the second upload's writes: " + writes);
        for (int k = 1; k <= writes; k++) {
            Snapshot crashed = twoUploads("crash-at-" + k, k);
            assertEquals(clean.normalised(), crashed.normalised(), "crash at write " + k + " of " + writes);
        }
        assertEquals(writes, faults.injected() - injectedBefore, "each write was crashed once (the plan is shared "
                + "with the other test classes of this application)");
    }

    /**
     * A seller's first upload, then a second one (with a rejected row, so quarantine is written too) whose
     * {@code crashAt}-th write fails, then the retry of its event (0: no crash). Counts the second upload's writes.
     */
    private Snapshot twoUploads(String seller, int crashAt) {
        String first = "uploads/" + seller + "/jan.csv";
        blobs.put(first, csv(List.of("a", "b"), LocalDate.of(2024, 1, 1), 40, 1), "text/csv");
        assertTrue(handle(first, "v1", "r0").contains("ACCEPTED"));
        String second = "uploads/" + seller + "/feb.csv";
        String bad = "2024-02-01,=BAD(),1\n";
        blobs.put(second, (new String(csv(List.of("b", "c"), LocalDate.of(2024, 1, 31), 30, 5),
                StandardCharsets.UTF_8) + bad).getBytes(StandardCharsets.UTF_8), "text/csv");
        if (crashAt == 0) {
            faults.reset();
            assertTrue(handle(second, "v1", "r1").contains("PARTIAL"));
        } else {
            faults.failAt(crashAt);
            try {
                handle(second, "v1", "r1");
            } catch (InjectedFault crashed) {
                // the invocation died here; S3/Lambda deliver the event again
            }
            String retried = handle(second, "v1", "r2");
            assertTrue(retried.contains("PARTIAL") || retried.startsWith("duplicate"), retried);
        }
        return new Snapshot(seller, List.of(id(first), id(second)));
    }

    @Test
    void duplicateAndReorderedEventsEndWithTheDataOfAnInOrderRun() {
        for (String seller : List.of("order-clean", "order-mixed")) {
            blobs.put("uploads/" + seller + "/a.csv", csv(List.of("a"), LocalDate.of(2024, 3, 1), 20, 1), "text/csv");
            blobs.put("uploads/" + seller + "/b.csv", csv(List.of("b", "c"), LocalDate.of(2024, 3, 10), 20, 2),
                    "text/csv");
        }
        handle("uploads/order-clean/a.csv", "v1", "c1");
        handle("uploads/order-clean/b.csv", "v1", "c2");

        List<String> mixed = new ArrayList<>();
        for (String file : List.of("b", "a", "b", "a", "a", "b")) {
            mixed.add(handle("uploads/order-mixed/" + file + ".csv", "v1", "m-" + mixed.size()));
        }
        assertEquals(2, mixed.stream().filter(s -> s.contains("ACCEPTED")).count(), mixed.toString());
        assertEquals(4, mixed.stream().filter(s -> s.startsWith("duplicate")).count(), mixed.toString());
        assertEquals(2, runs.datasetVersion("order-mixed"));
        assertEquals(cells("order-clean", 2), cells("order-mixed", 2));
        assertEquals(lastRunShards("order-clean"), lastRunShards("order-mixed"),
                "the final runs train the same series on the same data");
        assertTrue(blobs.list("datasets/order-mixed/").noneMatch(b -> b.key().endsWith("history-v3.csv.gz")),
                "a duplicate made no third version");
    }

    @Test
    void anEventWhoseClaimIsHeldByAnotherInvocationFailsToBeRetriedInsteadOfBeingDropped() {
        String key = "uploads/held/a.csv";
        blobs.put(key, csv(List.of("a"), LocalDate.of(2024, 4, 1), 5, 1), "text/csv");
        String claim = new io.trendcast.aws.event.ObjectCreated(EmulatorsResource.BUCKET, key, 100, "etag-v1", "v1",
                null).idempotencyKey();
        assertTrue(runs.claim(claim, "another-invocation", java.time.Instant.now().plusSeconds(900)));

        io.trendcast.core.port.ConflictException held = org.junit.jupiter.api.Assertions.assertThrows(
                io.trendcast.core.port.ConflictException.class, () -> handle(key, "v1", "h1"));
        assertTrue(held.getMessage().contains("another-invocation"), held.getMessage());
        assertEquals(0, runs.datasetVersion("held"), "nothing applied by the failed delivery");

        runs.complete(claim, "another-invocation", "done elsewhere");
        assertTrue(handle(key, "v1", "h2").startsWith("duplicate"), "once completed, a delivery is a duplicate");
    }

    @Test
    void concurrentUploadsOfOneSellerLoseNoDayOfAny() throws Exception {
        int uploads = 6;
        String seller = "race";
        LocalDate start = LocalDate.of(2024, 5, 1);
        for (int i = 0; i < uploads; i++) {
            StringBuilder csv = new StringBuilder("date,item_id,quantity\n");
            for (int d = 0; d < 10; d++) {
                csv.append(start.plusDays(d)).append(",own-").append(i).append(',').append(i + 1).append('\n');
                csv.append(start.plusDays(10 * i + d)).append(",shared,").append(100 + i).append('\n');
            }
            blobs.put("uploads/" + seller + "/part-" + i + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                    "text/csv");
        }
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            String key = "uploads/" + seller + "/part-" + i + ".csv";
            results.add(pool.submit(() -> handleWithLambdaRetries(key)));
        }
        TreeSet<Long> versions = new TreeSet<>();
        for (Future<String> f : results) {
            String summary = f.get();
            assertTrue(summary.contains("ACCEPTED"), summary);
            versions.add(Long.parseLong(summary.substring(summary.indexOf(" run r") + 6, summary.lastIndexOf('-'))));
        }
        pool.shutdown();

        assertEquals(new TreeSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L)), versions, "one version per upload");
        assertEquals(uploads, runs.datasetVersion(seller));
        List<SalesCell> history = Stored.history(blobs, seller, uploads);
        assertEquals(uploads * 10 + uploads * 10, history.size(), "every day of every upload");
        for (int i = 0; i < uploads; i++) {
            int upload = i;
            assertEquals(10, history.stream().filter(c -> c.series().item().equals("own-" + upload)).count());
            assertEquals(10 * (100 + i), history.stream().filter(c -> c.series().item().equals("shared")
                    && c.epochDay() >= start.plusDays(10L * upload).toEpochDay()
                    && c.epochDay() < start.plusDays(10L * upload + 10).toEpochDay())
                    .mapToDouble(SalesCell::quantity).sum(), 1e-9);
        }
    }

    /** Handles the event the way Lambda's asynchronous invocation does: a failed attempt is retried twice. */
    private String handleWithLambdaRetries(String key) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return handle(key, "v1", key + "#" + attempt);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private String handle(String key, String version, String requestId) {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(
                URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"), 100L, "etag-" + version,
                version, "0055AED6DCD90281E5");
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("trendcast-uploads",
                new S3EventNotification.S3BucketEntity(EmulatorsResource.BUCKET, null, "arn:aws:s3:::bucket"),
                object, "1.0");
        return service.handle(new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
                "ObjectCreated:Put", "aws:s3", created(key).toString(), "2.1", null, null, s3, null))), requestId);
    }

    /**
     * The event's {@code eventTime}: when S3 created the file. Fixed per file name (jan.csv before feb.csv), so that
     * the runs of different sellers compare; S3 repeats it on every redelivery.
     */
    private static Instant created(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return Instant.parse("2024-06-01T09:00:00Z").plusSeconds(List.of("jan.csv", "feb.csv").indexOf(name) + 1);
    }

    private static String id(String key) {
        return UploadKey.of(new io.trendcast.aws.event.ObjectCreated(EmulatorsResource.BUCKET, key, 100,
                "etag-v1", "v1", null)).uploadId();
    }

    private static byte[] csv(List<String> items, LocalDate from, int days, double base) {
        StringBuilder csv = new StringBuilder("date,item_id,quantity\n");
        for (String item : items) {
            for (int d = 0; d < days; d++) {
                csv.append(from.plusDays(d)).append(',').append(item).append(',').append(base + d % 7).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> cells(String seller, long version) {
        return Stored.history(blobs, seller, version).stream()
                .map(c -> c.series().encode() + " " + c.date() + " " + c.quantity()).toList();
    }

    /** The series of the seller's newest run's shards, as text. */
    private List<String> lastRunShards(String seller) {
        String run = blobs.list("features/" + seller + "/r" + runs.datasetVersion(seller) + "-")
                .map(BlobInfo::key).findFirst().orElseThrow().split("/")[2];
        List<String> out = new ArrayList<>();
        blobs.list("features/" + seller + "/" + run + "/").map(BlobInfo::key).filter(k -> k.endsWith(".csv.gz"))
                .sorted().forEach(key -> {
            try (FeatureShard.Reader r = new FeatureShard.Reader(new GZIPInputStream(blobs.get(key)), key)) {
                for (FeatureShard.Series s = r.next(); s != null; s = r.next()) {
                    out.add(s.key().encode() + " " + Arrays.toString(s.epochDays()) + " "
                            + Arrays.toString(s.quantity()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }

    /** Everything a seller's uploads left behind, with the seller and upload ids replaced by placeholders. */
    private final class Snapshot {
        private final String seller;
        private final List<String> uploadIds;

        Snapshot(String seller, List<String> uploadIds) {
            this.seller = seller;
            this.uploadIds = uploadIds;
        }

        List<String> normalised() {
            List<String> out = new ArrayList<>();
            out.add("version " + runs.datasetVersion(seller));
            for (String prefix : List.of("datasets/", "features/", "reports/", "quarantine/")) {
                blobs.list(prefix + seller + "/").map(BlobInfo::key).map(key -> normalise(key) + "\n"
                        + (key.endsWith(".json") ? normalise(withoutTimes(Stored.json(blobs, key)).toString())
                        : key.endsWith(".csv") ? normalise(Stored.text(blobs, key)) : "")).sorted().forEach(out::add);
            }
            out.addAll(cells(seller, runs.datasetVersion(seller)));
            out.addAll(lastRunShards(seller));
            for (String id : uploadIds) {
                out.add(normalise(runs.uploadStatus(id).orElseThrow().state() + " "
                        + runs.uploadStatus(id).orElseThrow().runId()));
            }
            return out;
        }

        private JsonNode withoutTimes(JsonNode doc) {
            if (doc.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("createdAt");
            }
            return doc;
        }

        private String normalise(String text) {
            String s = text.replace(seller, "{seller}");
            for (int i = 0; i < uploadIds.size(); i++) {
                s = s.replace(uploadIds.get(i), "{upload" + i + "}");
            }
            return s;
        }
    }
}
