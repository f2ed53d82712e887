package io.trendcast.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.core.series.Frequency;
import io.trendcast.testing.emulators.RepoRoot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.security.MessageDigest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged handler, invoked through Quarkus' mock Lambda event server with {@code events/s3-put-features.json}
 * pointed at generated shards, against S3Proxy and dynalite.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class TrainFunctionTest {

    private static final int HORIZON = 14;

    @Inject
    BlobStore blobs;
    @Inject
    ForecastStore forecasts;
    @Inject
    RunStore runs;
    @Inject
    ObjectMapper json;

    @Test
    void shardsInAnyOrderTrainEverySeriesOnceAndTheUploadEndsTrained() throws Exception {
        LocalDate start = LocalDate.of(2024, 6, 1);
        int days = 150;
        ShardFixture fixture = new ShardFixture("s1", "run-20241201T081530Z", "up-1", start, days, HORIZON, 2);
        blobs.put(fixture.manifestKey(), fixture.manifest(4).getBytes(), "application/json");
        runs.putUploadStatus(new UploadStatus("up-1", "s1", "uploads/s1/nov.csv", UploadState.ACCEPTED,
                "reports/s1/up-1.json", "run-20241201T081530Z", "", Instant.parse("2024-12-01T08:15:31Z")));
        byte[] shard0 = fixture.shard(new String[] {"sku-1", "sku-2"}, new double[] {0.2, -0.05}, 1);
        byte[] shard1 = fixture.shard(new String[] {"sku-3", "sku-4"}, new double[] {0, 0.1}, 2);
        blobs.put(fixture.shardKey(0), shard0, "application/gzip");
        blobs.put(fixture.shardKey(1), shard1, "application/gzip");

        String first = invoke(event(fixture.shardKey(1), shard1));
        assertTrue(first.contains("2 series (0 fallback), 1 of 2 shards trained"), first);
        assertEquals(UploadState.TRAINING, runs.uploadStatus("up-1").orElseThrow().state());

        String event0 = event(fixture.shardKey(0), shard0);
        invoke(event0);
        UploadStatus status = runs.uploadStatus("up-1").orElseThrow();
        assertEquals(UploadState.TRAINED, status.state());
        assertEquals("2 of 2 shards trained", status.message());
        assertEquals("uploads/s1/nov.csv", status.sourceKey(), "ingest's fields are kept");

        StoredForecast sku1 = forecasts.get("s1", SeriesKey.of("sku-1", "st-1")).orElseThrow();
        assertEquals(HORIZON, sku1.horizon());
        assertEquals(Frequency.DAILY, sku1.frequency());
        assertEquals("run-20241201T081530Z", sku1.runId());
        assertEquals(start.plusDays(days), sku1.points().get(0).date(), "the day after the last observation");
        for (StoredForecast.Point p : sku1.points()) {
            assertTrue(p.lo95() <= p.lo80() && p.lo80() <= p.mean() && p.mean() <= p.hi80() && p.hi80() <= p.hi95(),
                    "nested: " + p);
            assertEquals(p.mean(), p.p50());
            assertEquals(p.lo80(), p.p10());
            assertEquals(p.hi80(), p.p90());
            assertTrue(p.lo95() >= 0, "sales forecasts are floored at zero: " + p);
        }
        assertTrue(sku1.accuracy().mase() > 0 && sku1.accuracy().wape() > 0, "backtest accuracy " + sku1.accuracy());
        assertFalse(sku1.model().startsWith("fallback"), sku1.model());
        assertTrue(forecasts.get("s1", SeriesKey.of("sku-2")).isPresent(), "a series without store");

        JsonNode artifact = readJson("models/s1/run-20241201T081530Z/part-0000.json");
        assertEquals("up-1", artifact.get("uploadId").asText());
        assertEquals(3, artifact.get("datasetVersion").asLong());
        assertEquals(sha256(shard0), artifact.get("shardSha256").asText());
        assertFalse(artifact.get("trendcastVersion").asText().isEmpty());
        JsonNode model = artifact.get("series").get(0);
        assertEquals("sku-1", model.get("item").asText());
        assertEquals("auto", model.get("method").asText());
        assertEquals(sku1.model(), model.get("model").asText());
        assertTrue(model.get("members").size() >= 1);
        assertTrue(model.get("accuracy").get("mase").asDouble() > 0);
        assertEquals(64, model.get("inputSha256").asText().length());
        assertEquals(days, model.get("observations").asInt(), "gaps filled on the daily grid");

        assertEquals(days, sku1.insights().history().length(), "the observed history is kept for charts");
        assertEquals(start, sku1.insights().history().start());
        assertEquals(sku1.trend(), sku1.insights().trend().summary());
        assertTrue(Double.isFinite(sku1.insights().trend().zScore()), sku1.insights().trend().toString());
        for (String part : new String[] {"0000", "0001"}) {
            JsonNode anomalies = readJson("reports/s1/up-1/anomalies-part-" + part + ".json");
            assertEquals(part, anomalies.get("shard").asText());
            assertTrue(anomalies.get("anomalies").isArray());
        }
        for (String chart : new String[] {"top-movers.png", "accuracy.png"}) {
            try (InputStream in = blobs.get("reports/s1/up-1/" + chart)) {
                byte[] head = in.readNBytes(8);
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, head, chart);
            }
        }

        String duplicate = invoke(event0);
        assertTrue(duplicate.contains("skipped"), duplicate);
        assertEquals(sku1, forecasts.get("s1", SeriesKey.of("sku-1", "st-1")).orElseThrow(), "nothing rewritten");
        assertEquals(status, runs.uploadStatus("up-1").orElseThrow());
        String idempotencyKey = Emulators.BUCKET + "/" + fixture.shardKey(0) + "#e:" + etag(shard0);
        assertEquals(RunStatus.COMPLETED, runs.run(idempotencyKey).orElseThrow().status());
        assertEquals(1, runs.run(idempotencyKey).orElseThrow().attempts());
    }

    @Test
    void aMalformedShardFailsItsUploadAndIsNotRetried() throws IOException {
        ShardFixture fixture = new ShardFixture("s3", "run-bad", "up-bad", LocalDate.of(2024, 6, 1), 30, 7, 1);
        blobs.put(fixture.manifestKey(), fixture.manifest(1).getBytes(), "application/json");
        byte[] shard = "series_key,item,date,quantity\nx,x,2024-06-01,1\n".getBytes();
        String key = fixture.shardKey(0).replace(".csv.gz", ".csv");
        blobs.put(key, shard, "text/csv");

        String result = invoke(event(key, shard));
        assertTrue(result.contains("failed") && result.contains("does not start with"), result);
        UploadStatus status = runs.uploadStatus("up-bad").orElseThrow();
        assertEquals(UploadState.FAILED, status.state());
        assertTrue(status.message().contains("header [series_key, item, date, quantity]"), status.message());
    }

    @Test
    void objectsOutsideFeaturesAreIgnored() throws IOException {
        String result = invoke(event("features/s1/run-x/manifest.json", new byte[] {1}));
        assertTrue(result.contains("ignored"), result);
    }

    private String invoke(String event) {
        return given().contentType("application/json").body(event).post().then().statusCode(200)
                .extract().asString();
    }

    /** {@code events/s3-put-features.json} with its object key and ETag replaced. */
    private String event(String key, byte[] object) throws IOException {
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(RepoRoot.find()
                .resolve("events/s3-put-features.json")));
        ObjectNode s3Object = (ObjectNode) root.get("Records").get(0).get("s3").get("object");
        s3Object.put("key", key);
        s3Object.put("eTag", etag(object));
        s3Object.put("size", object.length);
        return json.writeValueAsString(root);
    }

    private JsonNode readJson(String key) throws IOException {
        try (InputStream in = blobs.get(key)) {
            assertNotNull(in);
            return json.readTree(in);
        }
    }

    private static String etag(byte[] bytes) {
        return digest("MD5", bytes);
    }

    private static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
