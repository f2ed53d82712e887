package io.trendcast.function.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.upload.SalesCell;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dynalite is stopped in the middle of a series of uploads of one seller and started again 1.5 s later on the same
 * port with the same data: the SDK's retries with backoff (and, should they run out, the event's retry, as Lambda
 * makes it) carry every upload through, and the dataset ends with every day of every upload, one version each.
 */
@QuarkusTest
@WithTestResource(RestartableEmulators.class)
class DynamoRestartTest {

    private static final Logger LOG = Logger.getLogger(DynamoRestartTest.class);
    private static final int UPLOADS = 6;

    @Inject
    IngestService service;

    @Inject
    BlobStore blobs;

    @Inject
    RunStore runs;

    @Test
    void uploadsRunningWhileDynamoDbRestartsAreAllAppliedOnce() throws Exception {
        String seller = "restart";
        LocalDate start = LocalDate.of(2024, 7, 1);
        for (int i = 0; i < UPLOADS; i++) {
            StringBuilder csv = new StringBuilder("date,item_id,quantity\n");
            for (int d = 0; d < 30; d++) {
                csv.append(start.plusDays(d)).append(",own-").append(i).append(',').append(i + 1).append('\n');
                csv.append(start.plusDays(30L * i + d)).append(",shared,").append(10 + i).append('\n');
            }
            blobs.put("uploads/" + seller + "/u" + i + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                    "text/csv");
        }
        AtomicInteger failedAttempts = new AtomicInteger();
        CompletableFuture<List<String>> pipeline = CompletableFuture.supplyAsync(() -> {
            List<String> summaries = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                summaries.add(handleWithLambdaRetries("uploads/" + seller + "/u" + i + ".csv", failedAttempts));
            }
            return summaries;
        });
        Thread.sleep(400);
        RestartableEmulators.restartDynamo(1500);
        List<String> summaries = pipeline.get();

        LOG.infof("dynalite restarted mid-run: %d uploads, %d failed invocation attempts retried", UPLOADS,
                failedAttempts.get());
        TreeSet<String> runIds = new TreeSet<>();
        for (String summary : summaries) {
            assertTrue(summary.contains("ACCEPTED"), summary);
            runIds.add(summary.substring(summary.indexOf(" run r") + 5));
        }
        assertEquals(UPLOADS, runIds.size());
        assertEquals(UPLOADS, runs.datasetVersion(seller), "one version per upload, none twice");
        List<SalesCell> history = Stored.history(blobs, seller, UPLOADS);
        assertEquals(UPLOADS * 30 * 2, history.size(), "every day of every upload");
        assertEquals(30.0 * (10 + 11 + 12 + 13 + 14 + 15), history.stream()
                .filter(c -> c.series().item().equals("shared")).mapToDouble(SalesCell::quantity).sum(), 1e-9);
        assertTrue(blobs.list("datasets/" + seller + "/").noneMatch(b -> b.key().endsWith("history-v7.csv.gz")));
    }

    /** Lambda's asynchronous invocation: the first attempt and two retries, here 2 s apart. */
    private String handleWithLambdaRetries(String key, AtomicInteger failed) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return handle(key, key + "#" + attempt);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                last = e;
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private String handle(String key, String requestId) {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(
                URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"), 100L, "etag-1", "v1", "00");
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("trendcast-uploads",
                new S3EventNotification.S3BucketEntity(EmulatorsResource.BUCKET, null, "arn:aws:s3:::bucket"),
                object, "1.0");
        return service.handle(new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
                "ObjectCreated:Put", "aws:s3", null, "2.1", null, null, s3, null))), requestId);
    }
}
