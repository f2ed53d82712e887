package io.trendcast.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system on the local stack with the real packaged functions: a sample upload is ingested, trained and
 * served over HTTP, a seller's key reads that seller only, and every invocation is booked once in the cost
 * ledger. Skipped until all three {@code function.zip} are
 * built ({@code ./mvnw -pl functions/ingest,functions/train,functions/api -am package}).
 */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELLER = "e2e";
    private static final Duration TRAINED_WITHIN = Duration.ofMinutes(10);

    @TempDir
    static Path dir;
    private static StackSession session;
    private static LocalStack stack;
    private static AwsClients clients;
    private static String key;
    private static String uploadId;
    private static UploadStatus status;

    @BeforeAll
    static void start() throws InterruptedException {
        session = StackSession.start(dir, options -> options);
        stack = session.stack();
        clients = session.clients();
        key = session.sellerKey(SELLER);
        Path sample = sample();
        uploadId = session.upload(SELLER, sample, sample.getFileName().toString());
        status = session.awaitFinal(uploadId, TRAINED_WITHIN);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static TableNames tables() {
        return StackSession.tables();
    }

    @Test
    void uploadIsIngestedTrainedAndItsReportServed() throws Exception {
        assertEquals(UploadState.TRAINED, status.state(), status.message());
        HttpResponse<String> upload = get("/v1/sellers/" + SELLER + "/uploads/" + uploadId, key);
        assertEquals(200, upload.statusCode(), upload.body());
    }

    /**
     * After the shards' first answers, the global step fits the Tribuo model across the run and each shard is
     * selected again with it: every served forecast carries the choice its shard's selection record names (the
     * global model's where it won, the local model's elsewhere), and the upload report serves the driver report.
     */
    @Test
    void theGlobalStepSelectsEveryShardAndItsChoicesAreServed() throws Exception {
        String runId = status.runId();
        String prefix = "models/" + SELLER + "/" + runId + "/selection/";
        List<String> records = List.of();
        Instant deadline = Instant.now().plus(TRAINED_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            records = session.selectionRecords(SELLER, runId);
            if (!records.isEmpty() && session.exists("reports/" + SELLER + "/" + uploadId + "/drivers.json")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertFalse(records.isEmpty(), "no selection under " + prefix + "; see " + session.logs());
        int global = 0;
        for (String record : records) {
            JsonNode selection = JSON.readTree(clients.s3().getObjectAsBytes(b -> b.bucket(stack.bucket())
                    .key(record)).asUtf8String());
            assertEquals(2, selection.get("completeness").asInt(), selection.toString());
            for (JsonNode choice : selection.get("series")) {
                SeriesKey series = SeriesKey.decode(choice.get("series").asText());
                String query = series.store() == null ? "" : "?store=" + series.store();
                JsonNode served = JSON.readTree(get("/v1/sellers/" + SELLER + "/items/" + series.item()
                        + "/forecast" + query, key).body());
                assertEquals(choice.get("model").asText(), served.get("model").asText(), choice.toString());
                if (choice.get("source").asText().equals("tribuo")) {
                    assertTrue(served.get("model").asText().startsWith("global"), served.get("model").asText());
                    global++;
                }
            }
            if ("tribuo".equals(selection.path("winner").asText())) {
                assertTrue(global > 0, "the shard's winner serves some series: " + selection);
            }
        }
        JsonNode report = JSON.readTree(get("/v1/sellers/" + SELLER + "/uploads/" + uploadId, key).body());
        assertTrue(report.get("drivers").get("effects").size() > 0, report.get("drivers").toString());
        System.out.println("e2e: the global model serves " + global + " series after selection");
    }


    @Test
    void forecastsAreServedToTheSellerOnly() throws Exception {
        SeriesKey series = firstSeries();
        String query = series.store() == null ? "" : "?store=" + series.store();
        HttpResponse<String> forecast = get("/v1/sellers/" + SELLER + "/items/" + series.item() + "/forecast" + query,
                key);
        assertEquals(200, forecast.statusCode(), forecast.body());
        JsonNode points = JSON.readTree(forecast.body()).path("points");
        assertFalse(points.isEmpty(), forecast.body());
        for (JsonNode point : points) {
            assertTrue(point.path("lo95").asDouble() <= point.path("mean").asDouble()
                    && point.path("mean").asDouble() <= point.path("hi95").asDouble(), point.toString());
        }
        int otherSeller = get("/v1/sellers/someone-else/items/" + series.item() + "/forecast" + query, key)
                .statusCode();
        assertTrue(otherSeller == 403 || otherSeller == 404, "another seller's data: " + otherSeller);
    }

    @Test
    void theLedgerHoldsOneItemPerInvocationPricedByTheFormula() throws Exception {
        String finance = session.financeKey();
        assertEquals(403, get("/v1/costs", key).statusCode(), "a seller key may not read costs");
        HttpResponse<String> csv = get("/v1/costs?groupBy=function&format=csv", finance);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("function,invocations,"), csv.body());

        Set<String> invoked = new HashSet<>();
        for (String function : stack.runningFunctions()) {
            invoked.addAll(stack.function(function).orElseThrow().requestIds());
        }
        DynamoDbCostLedger ledger = new DynamoDbCostLedger(clients.dynamoDb(), tables().costLedger());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CostRecord> records = ledger.between(today.minusDays(1), today);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!invoked.equals(ids(records)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            records = ledger.between(today.minusDays(1), today);
        }
        assertEquals(invoked, ids(records), "the ledger's request ids are those the local Lambda service invoked");
        assertEquals(invoked.size(), records.size(), "exactly one item per invocation");
        for (CostRecord record : records) {
            assertEquals(0, PriceTable.defaults().cost(record.usage()).totalUsd().compareTo(record.totalUsd()),
                    record.toString());
            FunctionDefinition definition = StackDefinition.FUNCTIONS.stream()
                    .filter(f -> f.name().equals(record.function())).findFirst().orElseThrow();
            assertEquals(definition.memoryMb(), record.memoryMb(), "AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
            assertEquals(definition.architecture(), record.architecture().label());
        }
        List<CostRecord> ingest = records.stream().filter(r -> r.function().equals("ingest")).toList();
        List<CostRecord> train = records.stream().filter(r -> r.function().equals("train")).toList();
        assertEquals(1, ingest.size(), "one upload, one ingest invocation");
        assertEquals(SELLER, ingest.get(0).seller());
        assertTrue(ingest.get(0).s3Gets() > 0 && ingest.get(0).s3Puts() > 0 && ingest.get(0).ddbWriteUnits() > 0,
                ingest.get(0).toString());
        assertFalse(train.isEmpty());
        long seriesTrained = train.stream().mapToLong(CostRecord::units).sum();
        assertEquals(ingest.get(0).units(), seriesTrained, "every ingested series was trained once");
        assertTrue(train.stream().allMatch(r -> SELLER.equals(r.seller()) && r.ddbWriteUnits() > 0));
        for (String function : stack.runningFunctions()) {
            assertTrue(records.stream().anyMatch(r -> r.function().equals(function) && r.coldStart()),
                    function + "'s first invocation is a cold start");
        }
    }

    private static Set<String> ids(List<CostRecord> records) {
        return records.stream().map(CostRecord::requestId).collect(Collectors.toSet());
    }

    private static SeriesKey firstSeries() {
        return clients.dynamoDb().query(b -> b.tableName(tables().forecasts()).limit(1)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", TableSchemas.FORECASTS_PK))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(SELLER))))
                .items().stream().map(item -> SeriesKey.decode(item.get(TableSchemas.FORECASTS_SK).s()))
                .findFirst().orElseThrow(() -> new AssertionError("no forecasts stored for " + SELLER));
    }

    private static HttpResponse<String> get(String path, String apiKey) throws Exception {
        return session.get(path, apiKey);
    }

    private static Path sample() {
        Path samples = RepoRoot.find().resolve("events/samples");
        Path clean = samples.resolve("sales-clean.csv");
        return Files.isRegularFile(clean) ? clean : samples.resolve("monthly-sales.csv");
    }
}
