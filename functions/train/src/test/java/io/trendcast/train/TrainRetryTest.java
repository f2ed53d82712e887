package io.trendcast.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.testing.emulators.RepoRoot;
import io.trendcast.testing.faults.FaultPlan;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training under at-least-once delivery, against S3Proxy and dynalite: a crash at any write of a shard's training
 * followed by Lambda's retry ends with exactly the forecasts, artifact and status of a clean run, and a late shard
 * of an older run never replaces the forecasts of a newer one.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class TrainRetryTest {

    private static final String[] ITEMS = {"sku-1", "sku-2", "sku-3"};
    private static final double[] SLOPES = {0.1, 0, -0.05};

    @Inject
    BlobStore blobs;
    @Inject
    ForecastStore forecasts;
    @Inject
    RunStore runs;
    @Inject
    ObjectMapper json;
    @Inject
    FaultPlan faults;

    @AfterEach
    void disarm() {
        faults.reset();
    }

    @Test
    void aCrashAtAnyWriteOfATrainingFollowedByTheRetryEndsExactlyAsACleanRun() {
        List<String> clean = trainOnce("t-clean", 0);
        int writes = faults.writes();
        assertTrue(writes >= 7, "claim, artifact, 3 forecasts, shard count, status, completion: " + writes);
        for (int k = 1; k <= writes; k++) {
            assertEquals(clean, trainOnce("t-crash-" + k, k), "crash at write " + k + " of " + writes);
        }
        assertEquals(writes, faults.injected());
    }

    /** Trains one shard of a fresh seller, crashing at write {@code crashAt} (0: never) and retrying. */
    private List<String> trainOnce(String seller, int crashAt) {
        String upload = "up-" + seller;
        ShardFixture fixture = new ShardFixture(seller, "r3-" + upload, upload, LocalDate.of(2024, 6, 1), 90, 7, 1);
        blobs.put(fixture.manifestKey(), fixture.manifest(ITEMS.length).getBytes(), "application/json");
        runs.putUploadStatus(new UploadStatus(upload, seller, "uploads/" + seller + "/a.csv", UploadState.ACCEPTED,
                "reports/" + seller + "/" + upload + ".json", "r3-" + upload, "",
                Instant.parse("2024-12-01T00:00:00Z")));
        byte[] shard = fixture.shard(ITEMS, SLOPES, 7);
        blobs.put(fixture.shardKey(0), shard, "application/gzip");
        String event = event(fixture.shardKey(0), shard);
        if (crashAt == 0) {
            faults.reset();
            invoke(event);
        } else {
            faults.failAt(crashAt);
            given().contentType("application/json").body(event).post();
            invoke(event);
        }
        return snapshot(seller, upload, fixture);
    }

    private List<String> snapshot(String seller, String upload, ShardFixture fixture) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ITEMS.length; i++) {
            SeriesKey series = i % 2 == 0 ? SeriesKey.of(ITEMS[i], "st-1") : SeriesKey.of(ITEMS[i]);
            StoredForecast f = forecasts.get(seller, series).orElseThrow(() -> new AssertionError("no forecast"));
            out.add(series.encode() + " " + f.runId().replace(upload, "{upload}") + " " + f.model() + " "
                    + f.points() + " " + f.accuracy() + " " + f.trend());
        }
        UploadStatus status = runs.uploadStatus(upload).orElseThrow();
        out.add(status.state() + " " + status.message());
        JsonNode artifact = readJson(fixture.shardKey(0).replace("features/", "models/").replace(".csv.gz", ".json"));
        ((ObjectNode) artifact).remove("trainedAt");
        artifact.get("series").forEach(s -> ((ObjectNode) s).remove("fitMillis"));
        out.add(artifact.toString().replace(seller, "{seller}").replace(upload, "{upload}"));
        return out;
    }

    @Test
    void aLateShardOfAnOlderRunNeverReplacesTheNewerRunsForecasts() {
        String seller = "t-late";
        ShardFixture newer = new ShardFixture(seller, "r5-new", "up-new", LocalDate.of(2024, 6, 1), 90, 7, 1);
        ShardFixture older = new ShardFixture(seller, "r4-old", "up-old", LocalDate.of(2024, 6, 1), 60, 7, 1);
        for (ShardFixture f : List.of(newer, older)) {
            blobs.put(f.manifestKey(), f.manifest(ITEMS.length).getBytes(), "application/json");
        }
        byte[] newShard = newer.shard(ITEMS, SLOPES, 1);
        byte[] oldShard = older.shard(ITEMS, SLOPES, 2);
        blobs.put(newer.shardKey(0), newShard, "application/gzip");
        blobs.put(older.shardKey(0), oldShard, "application/gzip");

        invoke(event(newer.shardKey(0), newShard));
        StoredForecast fresh = forecasts.get(seller, SeriesKey.of("sku-2")).orElseThrow();
        invoke(event(older.shardKey(0), oldShard));

        assertEquals(fresh, forecasts.get(seller, SeriesKey.of("sku-2")).orElseThrow());
        assertEquals("r5-new", forecasts.get(seller, SeriesKey.of("sku-1", "st-1")).orElseThrow().runId());
    }

    private void invoke(String event) {
        given().contentType("application/json").body(event).post().then().statusCode(200);
    }

    private String event(String key, byte[] object) {
        try {
            ObjectNode root = (ObjectNode) json.readTree(Files.readString(RepoRoot.find()
                    .resolve("events/s3-put-features.json")));
            ObjectNode s3Object = (ObjectNode) root.get("Records").get(0).get("s3").get("object");
            s3Object.put("key", key);
            s3Object.put("eTag", HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(object)));
            s3Object.put("size", object.length);
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readJson(String key) {
        try (InputStream in = blobs.get(key)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
