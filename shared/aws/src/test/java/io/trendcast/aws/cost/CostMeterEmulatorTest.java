package io.trendcast.aws.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.DynamoDbForecastStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.cost.Architecture;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.testing.contract.SampleForecasts;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.RecordingProxy;
import io.trendcast.testing.emulators.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost meter on real SDK clients against S3Proxy and dynalite, each behind a {@link RecordingProxy}: for every
 * metered invocation, the S3 requests and DynamoDB capacity units in its ledger item equal what the emulators
 * received and reported, classified on the emulator side from the HTTP requests themselves.
 */
class CostMeterEmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableNames TABLES = TableNames.withPrefix("cost-");
    private static final String BUCKET = "cost-bucket";

    private static S3ProxyServer s3;
    private static DynaliteServer dynalite;
    private static RecordingProxy s3Proxy;
    private static RecordingProxy dynamoProxy;
    private static AwsClients clients;
    private static UsageCounter counter;
    private static DynamoDbCostLedger ledger;
    private static CostMeter meter;
    private static final List<String> emf = new ArrayList<>();

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.startTransient();
        s3.createBucket(BUCKET);
        dynalite = DynaliteServer.startInMemory();
        try (AwsClients setup = new AwsClients(AwsSettings.forLocalEndpoints(null, dynalite.endpoint()))) {
            TableSchemas.createMissing(setup.dynamoDb(), TABLES);
        }
        s3Proxy = RecordingProxy.start(s3.endpoint());
        dynamoProxy = RecordingProxy.start(dynalite.endpoint());
        counter = new UsageCounter();
        clients = new AwsClients(AwsSettings.forLocalEndpoints(s3Proxy.endpoint(), dynamoProxy.endpoint()),
                List.of(counter));
        ledger = new DynamoDbCostLedger(clients.dynamoDb(), TABLES.costLedger());
        meter = new CostMeter(new MeterSettings("ingest", 1024, Architecture.ARM64, PriceTable.defaults()), counter,
                ledger, emf::add, Clock.systemUTC(), System::nanoTime);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {clients, s3Proxy, dynamoProxy, dynalite, s3}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void everyInvocationIsBookedOnceWithTheRequestsTheEmulatorsSaw() throws Exception {
        BlobStore blobs = new S3BlobStore(clients.s3(), BUCKET, S3BlobStore.DEFAULT_PART_SIZE, 2);
        DynamoDbRunStore runs = new DynamoDbRunStore(clients.dynamoDb(), TABLES.runs());
        DynamoDbForecastStore forecasts = new DynamoDbForecastStore(clients.dynamoDb(), TABLES.forecasts());
        List<String> requestIds = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        CostRecord writes = metered("req-writes", "s1", requestIds, () -> {
            runs.claim("RUN#a", "req-writes", Instant.now().plusSeconds(60));
            for (int i = 0; i < 5; i++) {
                blobs.put("features/s1/run/part-" + i + ".csv", ("payload " + i).getBytes(StandardCharsets.UTF_8),
                        "text/csv");
            }
            blobs.put("datasets/s1/big.csv", new ByteArrayInputStream(new byte[3000]), BlobStore.UNKNOWN_LENGTH,
                    "text/csv");
            List<StoredForecast> stored = IntStream.range(0, 30).mapToObj(i -> SampleForecasts.daily("s1",
                    SeriesKey.of("sku-" + i, "north"), 28, 10 + i)).toList();
            forecasts.putAll(stored);
            runs.complete("RUN#a", "req-writes", "done");
            return null;
        });
        CostRecord reads = metered("req-reads", "s1", requestIds, () -> {
            assertEquals(6, blobs.list("").count(), "three pages of two keys");
            try (InputStream in = blobs.get("features/s1/run/part-3.csv")) {
                assertEquals("payload 3", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertTrue(blobs.head("datasets/s1/big.csv").isPresent());
            assertTrue(forecasts.get("s1", SeriesKey.of("sku-7", "north")).isPresent());
            assertTrue(runs.run("RUN#a").isPresent());
            return null;
        });
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> metered("req-fails", null, requestIds, () -> blobs.get("uploads/s2/none.csv")));

        List<CostRecord> all = ledger.between(today.minusDays(1), today.plusDays(1));
        List<CostRecord> booked = all.stream().filter(r -> !r.requestId().equals("req-emf")).toList();
        assertEquals(requestIds.stream().sorted().toList(), booked.stream().map(CostRecord::requestId).sorted()
                .toList(), "exactly one item per invocation");
        assertEquals(1, all.stream().filter(CostRecord::coldStart).count(), "only the container's first is cold");
        CostRecord failed = booked.stream().filter(r -> r.requestId().equals("req-fails")).findFirst().orElseThrow();
        assertEquals(Outcome.ERROR, failed.outcome());
        assertTrue(failed.error().startsWith("NotFoundException: "), failed.error());
        assertTrue(failed.error().contains(missing.getMessage().substring(0, 20)), failed.error());
        assertTrue(writes.s3Puts() >= 6, "six objects written: " + writes.s3Puts());
        assertTrue(writes.ddbWriteUnits() >= 30, "30 forecasts and two run writes: " + writes.ddbWriteUnits());
        assertTrue(reads.s3Puts() >= 3 && reads.s3Gets() >= 2, "lists at the PUT price, get and head at GET's");
        assertTrue(reads.ddbReadUnits() > 0);
        for (CostRecord record : booked) {
            assertEquals(PriceTable.defaults().cost(record.usage()).totalUsd().compareTo(record.totalUsd()), 0,
                    "the ledger's dollars are the formula applied to the item's own usage");
            assertEquals(1024, record.memoryMb());
            assertEquals(CostRecord.billedMillis(record.durationMs()), record.billedDurationMs());
        }
    }

    @Test
    void theEmfLineCarriesTheSameFigures() throws Exception {
        CostRecord record = metered("req-emf", "s9", new ArrayList<>(), () -> {
            new DynamoDbRunStore(clients.dynamoDb(), TABLES.runs()).run("RUN#none");
            return null;
        });
        JsonNode line = JSON.readTree(emf.get(emf.size() - 1));
        assertFalse(emf.get(emf.size() - 1).contains("\n"));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("Trendcast/Costs", directive.path("Namespace").asText());
        assertEquals("function", directive.path("Dimensions").get(0).get(0).asText());
        assertEquals(10, directive.path("Metrics").size());
        for (JsonNode metric : directive.path("Metrics")) {
            assertTrue(line.path(metric.path("Name").asText()).isNumber(), metric.toString());
        }
        assertEquals("req-emf", line.path("requestId").asText());
        assertEquals("s9", line.path("seller").asText());
        assertEquals(0, record.totalUsd().compareTo(line.path("totalUsd").decimalValue()));
        assertEquals(record.ddbReadUnits(), line.path("ddbReadUnits").asDouble());
        assertEquals(record.startedAt().toEpochMilli(), line.path("_aws").path("Timestamp").asLong());
    }

    /** Runs {@code work} as a metered invocation and checks its item against the emulators' records. */
    private static <T> CostRecord metered(String requestId, String seller, List<String> requestIds, Supplier<T> work) {
        s3Proxy.clear();
        dynamoProxy.clear();
        requestIds.add(requestId);
        RuntimeException thrown = null;
        try {
            meter.measure(requestId, seller, work);
        } catch (RuntimeException e) {
            thrown = e;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        CostRecord record = ledger.between(today.minusDays(1), today).stream()
                .filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow();
        long[] s3 = s3Observed(s3Proxy.exchanges());
        assertEquals(s3[0], record.s3Gets(), requestId + " GET-price requests seen by S3Proxy");
        assertEquals(s3[1], record.s3Puts(), requestId + " PUT-price requests seen by S3Proxy");
        double[] units = dynamoObserved(dynamoProxy.exchanges());
        assertEquals(units[0], record.ddbReadUnits(), 1e-9, requestId + " read units dynalite reported");
        assertEquals(units[1], record.ddbWriteUnits(), 1e-9, requestId + " write units dynalite reported");
        assertEquals(seller, record.seller());
        if (thrown != null) {
            throw thrown;
        }
        return record;
    }

    /** GET-price and PUT-price requests, from the HTTP method and query as S3 prices them. */
    private static long[] s3Observed(List<RecordingProxy.Exchange> exchanges) {
        long gets = 0;
        long puts = 0;
        for (RecordingProxy.Exchange e : exchanges) {
            String query = e.query() == null ? "" : e.query();
            boolean bucketLevel = e.path().replaceAll("^/+|/+$", "").indexOf('/') < 0;
            switch (e.method()) {
                case "DELETE" -> { }
                case "PUT" -> puts++;
                case "POST" -> {
                    if (!query.startsWith("delete")) {
                        puts++;
                    }
                }
                case "GET" -> {
                    if (bucketLevel || query.contains("uploadId") || query.startsWith("uploads")) {
                        puts++;
                    } else {
                        gets++;
                    }
                }
                default -> gets++;
            }
        }
        return new long[] {gets, puts};
    }

    /** Read and write units from dynalite's ConsumedCapacity, the ledger table's own writes left out. */
    private static double[] dynamoObserved(List<RecordingProxy.Exchange> exchanges) {
        double reads = 0;
        double writes = 0;
        for (RecordingProxy.Exchange e : exchanges) {
            if (e.responseBody() == null) {
                continue;
            }
            JsonNode capacity;
            try {
                capacity = JSON.readTree(e.responseBody()).path("ConsumedCapacity");
            } catch (IOException ex) {
                throw new AssertionError("dynalite answered unreadable JSON: " + e.responseBody(), ex);
            }
            List<JsonNode> entries = new ArrayList<>();
            if (capacity.isArray()) {
                capacity.forEach(entries::add);
            } else if (capacity.isObject()) {
                entries.add(capacity);
            }
            String op = e.target().substring(e.target().indexOf('.') + 1);
            boolean read = op.startsWith("Get") || op.equals("Query") || op.equals("Scan") || op.equals("BatchGetItem");
            for (JsonNode entry : entries) {
                if (entry.path("TableName").asText().equals(TABLES.costLedger())) {
                    continue;
                }
                if (read) {
                    reads += entry.path("CapacityUnits").asDouble();
                } else {
                    writes += entry.path("CapacityUnits").asDouble();
                }
            }
        }
        return new double[] {reads, writes};
    }
}
