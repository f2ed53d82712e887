package io.trendcast.function.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.upload.FeatureShard;
import io.trendcast.core.upload.SalesCell;
import io.trendcast.core.upload.SalesCsv;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function end to end through the Lambda mock event server, against S3Proxy and dynalite: the S3 event JSON
 * of {@code events/} goes in, objects and records come out.
 */
@QuarkusTest
@WithTestResource(EmulatorsResource.class)
class IngestFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ETAG = "0123456789abcdef0123456789abcdef";

    @Inject
    BlobStore blobs;

    @Inject
    RunStore runs;

    /** Runs the handler on {@code event}; returns its summary (the Lambda response, a JSON string). */
    private static String invoke(String event) {
        String body = given().contentType("application/json").body(event).when().post().then().statusCode(200)
                .extract().asString();
        try {
            return JSON.readTree(body).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the handler's response is not JSON: " + body, e);
        }
    }

    private static String uploadId(String key, String versionId) {
        return UploadKey.of(new ObjectCreated(EmulatorsResource.BUCKET, key, 0, ETAG, versionId, null)).uploadId();
    }

    private JsonNode json(String key) {
        try (InputStream in = blobs.get(key)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key) {
        try (InputStream in = blobs.get(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FeatureShard.Series> shard(String key) {
        List<FeatureShard.Series> out = new ArrayList<>();
        try (FeatureShard.Reader r = new FeatureShard.Reader(new GZIPInputStream(blobs.get(key)), key)) {
            for (FeatureShard.Series s = r.next(); s != null; s = r.next()) {
                out.add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<SalesCell> history(String seller, long version) {
        String key = "datasets/" + seller + "/history-v" + version + ".csv.gz";
        List<SalesCell> out = new ArrayList<>();
        try (SalesCsv.Reader r = new SalesCsv.Reader(new GZIPInputStream(blobs.get(key)), key)) {
            for (SalesCell c = r.next(); c != null; c = r.next()) {
                out.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Map<String, String> etags(String prefix) {
        return blobs.list(prefix).collect(Collectors.toMap(BlobInfo::key, BlobInfo::etag));
    }

    @Test
    void cleanUploadLandsInHistoryAndShardsAndADuplicateEventChangesNothing() {
        blobs.put(Events.SAMPLE_KEY, Events.sample("sales-clean.csv"), "text/csv");
        String event = Events.read("s3-put-upload.json");
        String id = uploadId(Events.SAMPLE_KEY, "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");

        assertEquals(id + " ACCEPTED run r1-" + id, invoke(event));

        JsonNode report = json("reports/s1/" + id + ".json");
        assertEquals("ACCEPTED", report.get("status").asText());
        assertEquals(Events.SAMPLE_KEY, report.get("source").asText());
        assertEquals(16_000, report.get("rowsRead").asLong());
        assertEquals(16_000, report.get("rowsAccepted").asLong());
        assertEquals(0, report.get("rejected").size());
        assertEquals(40, report.get("series").asLong());
        assertEquals("2023-10-01", report.get("from").asText());
        assertEquals("2024-11-03", report.get("to").asText());
        assertEquals("DAILY", report.get("frequency").asText());
        assertEquals("r1-" + id, report.get("runId").asText());
        assertFalse(blobs.exists("quarantine/s1/" + id + "/rejected.csv"));
        assertEquals(1, runs.datasetVersion("s1"));
        assertEquals(UploadState.ACCEPTED, runs.uploadStatus(id).orElseThrow().state());

        JsonNode manifest = json("datasets/s1/runs/r1-" + id + ".json");
        assertEquals(List.of("DAILY", "7", "28", "3", "40", "1"), List.of(manifest.get("frequency").asText(),
                manifest.get("season").asText(), manifest.get("horizon").asText(),
                manifest.get("shards").asText(), manifest.get("series").asText(),
                manifest.get("datasetVersion").asText()));

        List<FeatureShard.Series> series = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            series.addAll(shard(FeatureShard.key("s1", "r1-" + id, part)));
        }
        assertEquals(40, series.size(), "15 + 15 + 10 series in three shards");
        JsonNode trigger = json("features/s1/r1-" + id + "/global/tribuo.json");
        assertEquals("tribuo", trigger.get("source").asText());
        assertEquals(1, trigger.get("datasetVersion").asLong());
        assertEquals(List.of(FeatureShard.key("s1", "r1-" + id, 0), FeatureShard.key("s1", "r1-" + id, 1),
                FeatureShard.key("s1", "r1-" + id, 2)), List.of(trigger.get("shards").get(0).asText(),
                trigger.get("shards").get(1).asText(), trigger.get("shards").get(2).asText()));
        assertEquals("reports/s1/" + id + "/drivers.json", report.get("drivers").asText(),
                "the report links the driver report the global step writes");
        assertTrue(series.stream().allMatch(s -> s.epochDays().length == 400), "every series covers 400 days");
        FeatureShard.Series first = series.get(0);
        assertEquals("SKU-001", first.key().item());
        assertEquals("north", first.key().store());

        Map<String, String> before = etags("");
        assertEquals("duplicate " + Events.SAMPLE_KEY, invoke(event));
        assertEquals(before, etags(""), "a redelivered event writes nothing");
        assertEquals(1, runs.datasetVersion("s1"));
    }

    @Test
    void defectiveUploadNamesEachBadLineAndStillAppliesTheGoodRows() {
        String key = "uploads/s2/defects.csv";
        blobs.put(key, Events.sample("sales-defects.csv"), "text/csv");
        String id = uploadId(key, "v-defects");

        assertEquals(id + " PARTIAL run r1-" + id, invoke(Events.uploadEvent(key, "v-defects")));

        JsonNode report = json("reports/s2/" + id + ".json");
        assertEquals("PARTIAL", report.get("status").asText());
        assertEquals(249, report.get("rowsRead").asLong());
        assertEquals(8, report.get("rowsRejected").asLong());
        List<String> rejected = new ArrayList<>();
        report.get("rejected").forEach(r -> rejected.add(r.get("line").asText() + " " + r.get("column").asText()
                + " " + r.get("reason").asText()));
        assertEquals(List.of(
                "12 date no such date",
                "25 date not a date (expected yyyy-MM-dd or an ISO date-time)",
                "40 quantity not a number",
                "57 item_id empty item",
                "80 price not a number",
                "101  has 7 fields where the header has 6 (an unquoted ';' in a value?)",
                "133 date date after " + LocalDate.now(java.time.ZoneOffset.UTC).plusDays(366) + " (too far in the future)",
                "170 quantity not a finite number"), rejected);
        assertTrue(report.get("warnings").toString().contains("lines 61"), report.get("warnings").toString());

        String quarantine = text("quarantine/s2/" + id + "/rejected.csv");
        assertEquals(9, quarantine.lines().count());
        assertTrue(quarantine.contains("101,,,has 7 fields where the header has 6 (an unquoted ';' in a value?),"
                + "2024-02-05;MUG;BLUE;s2;1;5.49;0"), quarantine);
        assertTrue(quarantine.contains("80,price,\"4,99\",not a number,\"2024-02-02;MUG-RED;s1;3;4,99;0\""));

        List<SalesCell> history = history("s2", 1);
        assertEquals(240, history.size(), "2 items x 2 stores x 60 days");
        SalesCell first = history.get(0);
        assertEquals("MUG-BLUE", first.series().item());
        List<FeatureShard.Series> series = shard(FeatureShard.key("s2", "r1-" + id, 0));
        assertEquals(4, series.size());
        assertEquals(8, series.stream().filter(s -> s.key().item().equals("MUG-RED") && "s1".equals(s.key().store()))
                .findFirst().orElseThrow().quantity()[0], "the first row of the file");
    }

    @Test
    void laterUploadReplacesItsDaysAndLeavesOtherSeriesUntouched() {
        String first = "uploads/s3/jan.csv";
        blobs.put(first, ("date,sku,store,qty\n2024-01-01,a,x,1\n2024-01-02,a,x,2\n2024-01-01,b,x,5\n"
                + "2024-01-02,b,x,6\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        invoke(Events.uploadEvent(first, "v1"));
        String second = "uploads/s3/fix.csv";
        blobs.put(second, "date,sku,store,qty\n2024-01-02,a,x,20\n2024-01-03,a,x,30\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        String id = uploadId(second, "v1");

        assertEquals(id + " ACCEPTED run r2-" + id, invoke(Events.uploadEvent(second, "v1",
                Instant.parse("2024-12-01T09:00:00Z"))));

        assertEquals(2, runs.datasetVersion("s3"));
        assertEquals(List.of("a 2024-01-01 1.0", "a 2024-01-02 20.0", "a 2024-01-03 30.0", "b 2024-01-01 5.0",
                        "b 2024-01-02 6.0"),
                history("s3", 2).stream().map(c -> c.series().item() + " " + c.date() + " " + c.quantity()).toList());
        FeatureShard.Series b = shard(FeatureShard.key("s3", "r2-" + id, 0)).get(1);
        assertEquals(3, b.epochDays().length, "b runs to the dataset's last day");
        assertTrue(Double.isNaN(b.quantity()[2]), "its missing last day is explicit");
    }

    @Test
    void filesRejectedWholeAndJunkKeysGetAReportAndChangeNothing() {
        String key = "uploads/s4/no-quantity.csv";
        blobs.put(key, "date,item\n2024-01-01,a\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        String id = uploadId(key, "v1");
        assertEquals(id + " REJECTED", invoke(Events.uploadEvent(key, "v1")));
        JsonNode report = json("reports/s4/" + id + ".json");
        assertEquals("REJECTED", report.get("status").asText());
        assertTrue(report.get("warnings").get(0).asText().startsWith("required column 'quantity' is missing"));
        assertNull(report.get("runId").textValue());
        assertEquals(0, runs.datasetVersion("s4"));
        assertEquals(UploadState.REJECTED, runs.uploadStatus(id).orElseThrow().state());

        String junk = "uploads/../etc/passwd";
        String junkId = uploadId(junk, "v1");
        assertEquals(junkId + " REJECTED", invoke(Events.uploadEvent(junk, "v1")));
        assertTrue(json("reports/~invalid/" + junkId + ".json").get("warnings").get(0).asText()
                .contains("is not 1-64 letters"));

        String gz = "uploads/s4/cut.csv.gz";
        byte[] whole = gzip("date,item,quantity\n" + "2024-01-01,a,1\n".repeat(1000));
        blobs.put(gz, Arrays.copyOf(whole, whole.length / 2), "application/gzip");
        String gzId = uploadId(gz, "v1");
        assertEquals(gzId + " REJECTED", invoke(Events.uploadEvent(gz, "v1")));
        assertTrue(json("reports/s4/" + gzId + ".json").get("warnings").get(0).asText().contains("truncated"));
        assertEquals(0, runs.datasetVersion("s4"));
    }

    @Test
    void gzippedWeeklyUploadRunsOnAWeeklyGrid() {
        String key = "uploads/s5/weeks.csv.gz";
        StringBuilder csv = new StringBuilder("Week_Start\tProduct_ID\tUnits\tPromotion\tTemperature\n");
        for (int w = 0; w < 20; w++) {
            LocalDate monday = LocalDate.of(2024, 1, 1).plusWeeks(w);
            csv.append(monday).append("\tP1\t").append(10 + w).append("\tno\t").append(w % 7).append('\n');
            if (w % 5 != 4) {
                csv.append(monday).append("\tP2\t").append(3).append("\tyes\t\n");
            }
        }
        blobs.put(key, gzip(csv.toString()), "application/gzip");
        String id = uploadId(key, "v1");

        assertEquals(id + " ACCEPTED run r1-" + id, invoke(Events.uploadEvent(key, "v1")));

        JsonNode manifest = json("datasets/s5/runs/r1-" + id + ".json");
        assertEquals("WEEKLY", manifest.get("frequency").asText());
        assertEquals(13, manifest.get("horizon").asInt());
        assertEquals(52, manifest.get("season").asInt());
        assertEquals("Temperature", manifest.get("covariates").get(0).asText());
        List<FeatureShard.Series> series = shard(FeatureShard.key("s5", "r1-" + id, 0));
        FeatureShard.Series p2 = series.get(1);
        assertEquals(20, p2.epochDays().length, "weekly rows from the first to the last week");
        assertEquals(LocalDate.of(2024, 1, 8).toEpochDay() - LocalDate.of(2024, 1, 1).toEpochDay(),
                p2.epochDays()[1] - p2.epochDays()[0]);
        assertTrue(Double.isNaN(p2.quantity()[4]), "week 5 of P2 is missing, explicitly");
        assertEquals(1, p2.promo()[0]);
        assertEquals(3, series.get(0).covariates()[0][3]);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void eventsOutsideUploadsAreIgnored() {
        assertEquals("ignored features/s1/run-20241201T081530Z/part-0003.csv.gz: not under uploads/",
                invoke(Events.read("s3-put-features.json")));
    }
}
