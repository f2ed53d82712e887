package io.trendcast.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.core.candidate.CandidateKeys;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.testing.emulators.RepoRoot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The global step through the packaged handler ({@code events/s3-put-global-trigger.json}, key and ETag replaced),
 * against S3Proxy and dynalite: shards and trigger arrive in an order where the trigger comes between the two
 * shards, so the first shard is selected by the global step and the second by its own invocation.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class GlobalTrainTest {

    private static final int HORIZON = 14;
    private static final String RUN = "r3-up-global";

    @Inject
    BlobStore blobs;
    @Inject
    ForecastStore forecasts;
    @Inject
    RunStore runs;
    @Inject
    ObjectMapper json;

    @Test
    void theGlobalModelServesPromotionDrivenSeriesWhicheverOfShardAndGlobalStepComesSecond() throws Exception {
        ShardFixture fixture = new ShardFixture("sg", RUN, "up-g", LocalDate.of(2024, 3, 1), 200, HORIZON, 2);
        blobs.put(fixture.manifestKey(), fixture.manifest(6).getBytes(), "application/json");
        runs.putUploadStatus(new UploadStatus("up-g", "sg", "uploads/sg/promo.csv", UploadState.ACCEPTED,
                "reports/sg/up-g.json", RUN, "", Instant.parse("2024-12-01T08:15:31Z")));
        byte[] shard0 = fixture.promoShard(new String[] {"p-1", "p-2", "p-3"}, 7);
        byte[] shard1 = fixture.promoShard(new String[] {"p-4", "p-5", "p-6"}, 8);
        byte[] trigger = fixture.trigger(2).getBytes(StandardCharsets.UTF_8);
        blobs.put(fixture.shardKey(0), shard0, "application/gzip");
        blobs.put(fixture.shardKey(1), shard1, "application/gzip");
        blobs.put(fixture.triggerKey(), trigger, "application/json");

        String first = invoke(event("s3-put-features.json", fixture.shardKey(0), shard0));
        assertFalse(first.contains("selection"), "no global results yet: " + first);
        StoredForecast local = forecasts.get("sg", SeriesKey.of("p-1")).orElseThrow();
        assertFalse(local.model().startsWith("global"), local.model());
        JsonNode localResults = readJson("models/sg/" + RUN + "/local/part-0000.json");
        assertEquals(CandidateResults.LOCAL, localResults.get("source").asText());
        assertEquals(3, localResults.get("series").size());
        assertEquals(HORIZON, localResults.get("series").get(0).get("backtest").size(), "auto's held-out fold");

        String global = invoke(event("s3-put-global-trigger.json", fixture.triggerKey(), trigger));
        assertTrue(global.contains("on 6 series") && global.contains("1 of 2 shards selected now"), global);
        JsonNode selection0 = readJson("models/sg/" + RUN + "/selection/part-0000.json");
        assertEquals("tribuo", selection0.get("winner").asText(), selection0.toString());
        assertEquals(2, selection0.get("completeness").asInt());
        assertTrue(selection0.get("groupErrors").get("tribuo").asDouble()
                < selection0.get("groupErrors").get("local").asDouble(), selection0.toString());
        StoredForecast selected = forecasts.get("sg", SeriesKey.of("p-1")).orElseThrow();
        assertTrue(selected.model().startsWith("global") || selected.model().startsWith("mean(auto,global)"),
                selected.model());
        assertEquals(HORIZON, selected.horizon());
        assertEquals(local.points().get(0).date(), selected.points().get(0).date());
        for (StoredForecast.Point p : selected.points()) {
            assertTrue(p.lo95() <= p.lo80() && p.lo80() <= p.mean() && p.mean() <= p.hi80() && p.hi80() <= p.hi95(),
                    "nested: " + p);
        }
        assertFalse(forecasts.get("sg", SeriesKey.of("p-4")).isPresent(), "shard 1 is not trained yet");
        assertTrue(blobs.exists("models/sg/" + RUN + "/global/tribuo/part-0001.json"));
        JsonNode provenance = readJson("models/sg/" + RUN + "/global/tribuo/provenance.json");
        assertEquals(2, provenance.get("shards").size());
        assertEquals(6, provenance.get("series").asInt());
        assertEquals("global(xgboost, recursive)", provenance.get("model").asText(), "the strategy used, by default");
        assertTrue(provenance.get("tribuoProvenance").asText().contains("XGBoost"), "Tribuo's own provenance");
        assertTrue(provenance.get("features").toString().contains("promo"), provenance.get("features").toString());
        try (InputStream in = blobs.get("models/sg/" + RUN + "/global/tribuo/model.bin")) {
            assertTrue(in.readAllBytes().length > 1000, "the artifact");
        }
        JsonNode drivers = readJson("reports/sg/up-g/drivers.json");
        assertEquals(6, drivers.get("series").asInt());
        JsonNode promo = effect(drivers, "promo");
        assertTrue(promo.get("lo95").asDouble() > 0.5, "promotion lift is found: " + promo);
        assertTrue(drivers.get("importance").size() > 0);

        String second = invoke(event("s3-put-features.json", fixture.shardKey(1), shard1));
        assertTrue(second.contains("part 0001: selection over 2 sources, tribuo serves"), second);
        String localDone = "features/sg/" + RUN + "/global/local.done.json";
        assertTrue(second.contains("run-wide selection requested (" + localDone + ")"), second);
        assertFalse(readJson("models/sg/" + RUN + "/selection/part-0000.json").get("runWide").asBoolean());
        byte[] runWide;
        try (InputStream in = blobs.get(localDone)) {
            runWide = in.readAllBytes();
        }
        String wide = invoke(event("s3-put-global-trigger.json", localDone, runWide));
        assertTrue(wide.contains(localDone + ": 2 of 2 shards selected again (part 0000: selection over 2 sources "
                + "run-wide, tribuo serves"), "the last shard in has the run selected over both: " + wide);
        assertTrue(readJson("models/sg/" + RUN + "/selection/part-0000.json").get("runWide").asBoolean());
        StoredForecast p4 = forecasts.get("sg", SeriesKey.of("p-4")).orElseThrow();
        assertFalse(p4.model().startsWith("ets") || p4.model().contains("theta"), p4.model());
        assertEquals(UploadState.TRAINED, runs.uploadStatus("up-g").orElseThrow().state());

        String again = invoke(event("s3-put-global-trigger.json", fixture.triggerKey(), trigger));
        assertTrue(again.contains("skipped"), again);

        byte[] shard0again = fixture.promoShard(new String[] {"p-1", "p-2", "p-3"}, 7);
        blobs.put(fixture.shardKey(0), shard0again, "application/gzip");
        String retrained = invoke(event("s3-put-features.json", fixture.shardKey(0),
                (new String(shard0again, StandardCharsets.ISO_8859_1) + " ").getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(retrained.contains("selection over 2 sources"), retrained);
        StoredForecast after = forecasts.get("sg", SeriesKey.of("p-1")).orElseThrow();
        assertEquals(selected.model(), after.model(), "a redelivered shard's first answer does not replace the "
                + "selection; its reselection is identical");
        assertEquals(selected.points(), after.points());
        assertEquals(selected.accuracy(), after.accuracy());

        // A global model fitted in another function (DeepAR) hands in its results last and asks for reselection.
        for (String part : new String[] {"0000", "0001"}) {
            CandidateResults tribuo;
            try (InputStream in = blobs.get(CandidateKeys.results("sg", RUN, "tribuo", part))) {
                tribuo = json.readValue(in, CandidateResults.class);
            }
            List<SeriesCandidate> perfect = new ArrayList<>();
            for (SeriesCandidate c : tribuo.series()) {
                perfect.add(new SeriesCandidate(c.series(), "deepar(test)", c.mean(), c.lower(), c.upper(),
                        c.actual(), c.actual(), c.scale(), c.maseScale(), Double.NaN, Double.NaN));
            }
            blobs.put(CandidateKeys.results("sg", RUN, "deepar", part), json.writeValueAsBytes(CandidateResults.of(
                    "deepar", "sg", RUN, 3, part, HORIZON, tribuo.levels(), "test", perfect)), "application/json");
        }
        String doneKey = "features/sg/" + RUN + "/global/deepar.done.json";
        byte[] done = fixture.trigger(2).replace("\"tribuo\"", "\"deepar\"").getBytes(StandardCharsets.UTF_8);
        blobs.put(doneKey, done, "application/json");
        String reselected = invoke(event("s3-put-global-trigger.json", doneKey, done));
        assertTrue(reselected.contains("2 of 2 shards selected again")
                && reselected.contains("selection over 3 sources run-wide, deepar serves"), reselected);
        assertEquals("deepar(test)", forecasts.get("sg", SeriesKey.of("p-4")).orElseThrow().model());
        assertEquals(3, readJson("models/sg/" + RUN + "/selection/part-0001.json").get("completeness").asInt());
        String later = invoke(event("s3-put-features.json", fixture.shardKey(1),
                (new String(shard1, StandardCharsets.ISO_8859_1) + "  ").getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(later.contains("selection over 3 sources"), later);
        assertEquals("deepar(test)", forecasts.get("sg", SeriesKey.of("p-4")).orElseThrow().model(),
                "a later shard run selects over every source present");
    }

    private static JsonNode effect(JsonNode drivers, String name) {
        for (JsonNode e : drivers.get("effects")) {
            if (e.get("driver").asText().contains(name)) {
                return e;
            }
        }
        throw new AssertionError("no effect of " + name + " in " + drivers);
    }

    private String invoke(String event) {
        return given().contentType("application/json").body(event).post().then().statusCode(200)
                .extract().asString();
    }

    /** {@code events/<fixture>} with its object key and ETag replaced. */
    private String event(String fixture, String key, byte[] object) throws IOException {
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(RepoRoot.find().resolve("events/" + fixture)));
        ObjectNode s3Object = (ObjectNode) root.get("Records").get(0).get("s3").get("object");
        s3Object.put("key", key);
        s3Object.put("eTag", md5(object));
        s3Object.put("size", object.length);
        return json.writeValueAsString(root);
    }

    private JsonNode readJson(String key) throws IOException {
        try (InputStream in = blobs.get(key)) {
            return json.readTree(in);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
