package io.trendcast.function.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.upload.SalesCell;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every file of the bad-input corpus ({@code src/test/resources/corpus/manifest.json}) through the ingest
 * function against S3Proxy and dynalite, and asserts its expected outcome: the handler answers (no stack trace, no
 * hang), the report says what happened, rejected rows are quarantined with their lines, and an applied file's good
 * rows are all in the new dataset version, while a rejected file changes no dataset.
 */
@QuarkusTest
@WithTestResource(EmulatorsResource.class)
class CorpusTest {

    private static final String VERSION = "corpus-v1";

    @Inject
    BlobStore blobs;

    @Inject
    RunStore runs;

    static Stream<JsonNode> cases() {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/manifest.json")) {
            List<JsonNode> cases = new ArrayList<>();
            Stored.JSON.readTree(in).get("cases").forEach(cases::add);
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    @Timeout(120)
    void eachCorpusFileEndsInItsExpectedOutcome(JsonNode c) {
        String name = c.get("case").asText();
        String file = c.has("file") ? c.get("file").asText() : c.get("source").asText();
        String key = c.has("key") ? c.get("key").asText() : "uploads/" + name + "/" + file;
        int pad = c.path("padRows").asInt(0);
        boolean keyRejected = c.has("reportSeller");
        if (!keyRejected) {
            blobs.put(key, CorpusFiles.content(c.get("source").asText(), pad, c.path("padRow").asText("{date},pad,1")),
                    "text/csv");
        }
        String status = c.get("status").asText();
        String id = UploadKey.of(new ObjectCreated(EmulatorsResource.BUCKET, key, 0, "etag", VERSION, null))
                .uploadId();

        String summary = invoke(Events.uploadEvent(key, VERSION));

        assertTrue(summary.startsWith(id + " " + status), name + ": " + summary);
        String seller = keyRejected ? c.get("reportSeller").asText() : key.split("/")[1];
        String reportKey = "reports/" + seller + "/" + id + ".json";
        String reportText = Stored.text(blobs, reportKey);
        assertFalse(reportText.contains("Exception") || reportText.contains("\tat "), reportText);
        JsonNode report = Stored.json(blobs, reportKey);
        assertEquals(status, report.get("status").asText());
        assertEquals(key, report.get("source").asText());
        for (String count : List.of("rowsRead", "rowsAccepted", "rowsRejected")) {
            if (c.has(count)) {
                assertEquals(c.get(count).asLong(), report.get(count).asLong(), name + " " + count);
            }
        }
        if (c.has("warning")) {
            assertTrue(report.get("warnings").toString().contains(c.get("warning").asText()),
                    name + ": " + report.get("warnings"));
        }
        assertRejectedRows(c, report, seller, id, pad);
        assertDataset(c, seller, status);
        if (!keyRejected) {
            assertEquals(UploadState.valueOf(status), runs.uploadStatus(id).orElseThrow().state());
        }
    }

    private void assertRejectedRows(JsonNode c, JsonNode report, String seller, String id, int pad) {
        if (!c.has("rejected")) {
            return;
        }
        List<String> expected = new ArrayList<>();
        c.get("rejected").forEach(r -> expected.add(r.asText()));
        String quarantine = Stored.text(blobs, "quarantine/" + seller + "/" + id + "/rejected.csv");
        for (int i = 0; i < expected.size(); i++) {
            String[] parts = expected.get(i).split(" ", 3);
            long line = Long.parseLong(parts[0]) + pad;
            JsonNode row = report.get("rejected").get(i);
            assertEquals(line, row.get("line").asLong(), expected.get(i));
            assertEquals(parts[1], row.get("column").asText(), expected.get(i));
            assertTrue(row.get("reason").asText().startsWith(parts[2]), row.get("reason").asText());
            assertTrue(quarantine.contains("\n" + line + ","), "quarantine holds line " + line);
        }
    }

    private void assertDataset(JsonNode c, String seller, String status) {
        if (status.equals("REJECTED")) {
            assertEquals(0, runs.datasetVersion(seller), "a rejected file applies nothing");
            assertEquals(0, blobs.list("datasets/" + seller + "/").count());
            assertEquals(0, blobs.list("features/" + seller + "/").count());
            return;
        }
        assertEquals(1, runs.datasetVersion(seller));
        List<SalesCell> history = Stored.history(blobs, seller, 1);
        assertEquals(c.get("historyCells").asInt(), history.size(), "every good row's cell is in the history");
        assertEquals(c.get("quantitySum").asDouble(), history.stream().mapToDouble(SalesCell::quantity).sum(), 1e-9);
        assertTrue(blobs.list("features/" + seller + "/").findAny().isPresent(), "feature shards written");
    }

    @Test
    void theGzipBombIsSmallAndExpandsFourTimesPastTheLimit() {
        byte[] bomb = CorpusFiles.content("gen:gzip-bomb", 0, "");
        assertTrue(bomb.length < 1024 * 1024, "compressed: " + bomb.length + " bytes");
        assertTrue(CorpusFiles.BOMB_BYTES >= 4 * EmulatorsResource.MAX_DECOMPRESSED_BYTES);
    }

    private static String invoke(String event) {
        String body = given().contentType("application/json").body(event).when().post().then().statusCode(200)
                .extract().asString();
        try {
            return Stored.JSON.readTree(body).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the handler's response is not JSON: " + body, e);
        }
    }
}
