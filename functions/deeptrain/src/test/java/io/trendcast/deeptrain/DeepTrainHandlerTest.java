package io.trendcast.deeptrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.candidate.CandidateKeys;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.features.Festival;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.port.BlobStore;
import io.trendcast.deep.DeepArArtifact;
import io.trendcast.deep.DeepArConfig;
import io.trendcast.deep.DeepArModel;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.series.Frequency;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler against S3Proxy and dynalite (the test kit's emulators): two gzipped shards of a run and its manifests
 * in the bucket, the {@code deepar.json} event in, the artifact, provenance and forecasts out, the invocation in the
 * cost ledger; a redelivered event changes nothing; the stored artifact reloads to the same forecasts.
 */
class DeepTrainHandlerTest {

    private static final String BUCKET = "deeptrain-test";
    private static final String SELLER = "s1";
    private static final String RUN = "r7-u1";
    private static final int DAYS = 120;
    private static final int HORIZON = 14;
    /** The global-model trigger of the candidate exchange (CandidateKeys.trigger(seller, run, "deepar")). */
    private static final String TRIGGER = "features/" + SELLER + "/" + RUN + "/global/deepar.json";

    private static S3ProxyServer s3;
    private static DynaliteServer dynalite;
    private static AwsClients clients;
    private static BlobStore blobs;
    private static DeepTrainHandler handler;
    /** Reads as the train function's (Quarkus) mapper does: unknown properties such as "local" are ignored. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static DeepArConfig tiny() {
        return DeepArConfig.builder().hiddenSize(16).layers(1).embeddingSize(4).maxEpochs(6).minEpochs(2).patience(2)
                .batchesPerEpoch(10).batchSize(32).learningRate(0.01).samplePaths(40).seed(5)
                .holidays(HolidayCalendar.of(EnumSet.noneOf(Festival.class))).build();
    }

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.startTransient();
        s3.createBucket(BUCKET);
        dynalite = DynaliteServer.startInMemory();
        clients = new AwsClients(AwsSettings.forLocalEndpoints(s3.endpoint(), dynalite.endpoint()));
        TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix("t-"));
        blobs = new S3BlobStore(clients.s3(), BUCKET);
        DeepTrainConfig config = DeepTrainConfig.from(Map.of("TRENDCAST_BUCKET", BUCKET, "TRENDCAST_TABLE_PREFIX",
                "t-", "TRENDCAST_S3_ENDPOINT", s3.endpoint().toString(), "TRENDCAST_DYNAMODB_ENDPOINT",
                dynalite.endpoint().toString(), "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "3008"));
        handler = new DeepTrainHandler(config, tiny());
        String shard0 = "features/" + SELLER + "/" + RUN + "/part-0000.csv.gz";
        String shard1 = "features/" + SELLER + "/" + RUN + "/part-0001.csv.gz";
        blobs.put(shard0, shard(0, 6), "application/gzip");
        blobs.put(shard1, shard(6, 6), "application/gzip");
        blobs.put("datasets/" + SELLER + "/runs/" + RUN + ".json", ("{\"seller\":\"s1\",\"runId\":\"" + RUN
                + "\",\"frequency\":\"DAILY\",\"season\":7,\"horizon\":" + HORIZON + ",\"shards\":2,\"series\":12}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        blobs.put(TRIGGER, ("{\"seller\":\"s1\",\"runId\":\"" + RUN + "\",\"uploadId\":\"u1\","
                + "\"datasetVersion\":7,\"source\":\"deepar\",\"shards\":[\"" + shard0 + "\",\"" + shard1
                + "\"],\"covariates\":[]}").getBytes(StandardCharsets.UTF_8), "application/json");
    }

    @AfterAll
    static void stop() {
        clients.close();
        dynalite.close();
        s3.close();
    }

    /** Items {@code from…from+count-1}: a weekly pattern (weekends 60% up), level 20 + 5i, noise; day 40 missing. */
    private static byte[] shard(int from, int count) {
        return shard(from, count, "");
    }

    /** {@link #shard(int, int)} with {@code extraRows} (CSV lines) after its series. */
    private static byte[] shard(int from, int count, String extraRows) {
        Random rng = new Random(from);
        StringBuilder csv = new StringBuilder("series_key,item,store,date,quantity,price,promo,on_hand\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = from; i < from + count; i++) {
            for (int d = 0; d < DAYS; d++) {
                if (d == 40) {
                    continue;
                }
                LocalDate date = start.plusDays(d);
                double level = (20 + 5 * i) * (date.getDayOfWeek().getValue() >= 6 ? 1.6 : 1.0);
                long q = Math.max(0, Math.round(level + rng.nextGaussian() * Math.sqrt(level)));
                csv.append("sku-").append(i).append(",sku-").append(i).append(",,").append(date).append(',')
                        .append(q).append(",2.5,0,50\n");
            }
        }
        csv.append(extraRows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static S3Event event(String key) {
        var object = new S3EventNotification.S3ObjectEntity(key, 100L, "etag-1", null, "0001");
        var bucket = new S3EventNotification.S3BucketEntity(BUCKET, null, "arn:aws:s3:::" + BUCKET);
        var entity = new S3EventNotification.S3Entity("deepar", bucket, object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                "2024-05-01T00:00:00.000Z", "2.1", null, null, entity, null);
        return new S3Event(List.of(record));
    }

    private static JsonNode json(String key) throws IOException {
        try (InputStream in = blobs.get(key)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void trainsTheRunWritesCandidateResultsPerShardAndBooksTheInvocation() throws IOException {
        String result = handler.handleRequest(event(TRIGGER), new TestContext("req-1"));
        assertTrue(result.startsWith(RUN + ": 12 series"), result);
        String prefix = CandidateKeys.globalFolder(SELLER, RUN, "deepar");
        double errDeep = 0;
        double errFlat = 0;
        int seen = 0;
        for (String part : List.of("0000", "0001")) {
            CandidateResults results;
            try (InputStream in = blobs.get(CandidateKeys.results(SELLER, RUN, "deepar", part))) {
                results = JSON.readValue(in, CandidateResults.class);
            }
            assertEquals("deepar", results.source());
            assertEquals(part, results.part());
            assertEquals(7, results.datasetVersion());
            assertEquals(HORIZON, results.horizon());
            assertArrayEquals(new double[] {80, 95}, results.levels());
            assertEquals(6, results.series().size(), "each shard's own series");
            for (SeriesCandidate s : results.series()) {
                seen++;
                assertEquals(HORIZON, s.backtest().length, "every series is long enough for a backtest");
                assertEquals(HORIZON, s.actual().length);
                for (int k = 0; k < HORIZON; k++) {
                    assertTrue(0 <= s.lower()[1][k] && s.lower()[1][k] <= s.lower()[0][k]
                            && s.lower()[0][k] <= s.mean()[k] && s.mean()[k] <= s.upper()[0][k]
                            && s.upper()[0][k] <= s.upper()[1][k], s.series());
                }
                // the weekly pattern: the forecast's weekend days (steps 6, 7 from Monday 2024-04-29) lie above
                // its weekdays, while a flat forecast could not tell them apart
                int i = Integer.parseInt(s.series().replace("sku-", ""));
                double weekday = 20 + 5 * i;
                double weekend = weekday * 1.6;
                for (int k = 0; k < 7; k++) {
                    double truth = k >= 5 ? weekend : weekday;
                    errDeep += Math.abs(truth - s.mean()[k]);
                    errFlat += Math.abs(truth - (5 * weekday + 2 * weekend) / 7);
                }
            }
        }
        assertEquals(12, seen);
        assertTrue(errDeep < errFlat, "deepar " + errDeep + " vs the weekly mean " + errFlat);
        JsonNode done = json("features/" + SELLER + "/" + RUN + "/global/deepar.done.json");
        assertEquals(2, done.path("shards").size(), "the trigger's content, for the train function's reselection");
        assertEquals("deepar", done.path("source").asText());
        JsonNode prov = json(prefix + "provenance.json");
        assertEquals("deepar", prov.path("method").asText());
        assertEquals(12, prov.path("data").path("series").asInt());
        List<CostRecord> booked = new DynamoDbCostLedger(clients.dynamoDb(), TableNames.withPrefix("t-").costLedger())
                .between(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
        CostRecord rec = booked.stream().filter(r -> r.requestId().equals("req-1")).findFirst().orElseThrow();
        assertEquals("deeptrain", rec.function());
        assertEquals(SELLER, rec.seller());
        assertEquals(12, rec.units());
        assertTrue(rec.s3Puts() >= 4 && rec.s3Gets() >= 4, rec.toString());

        // a redelivered event finds the run done and changes nothing
        String partKey = CandidateKeys.results(SELLER, RUN, "deepar", "0000");
        byte[] before = blobs.get(partKey).readAllBytes();
        String again = handler.handleRequest(event(TRIGGER), new TestContext("req-2"));
        assertTrue(again.contains("already trained"), again);
        assertArrayEquals(before, blobs.get(partKey).readAllBytes());

        // the artifact reloads (a later run) to the same forecasts
        List<SeriesInput> inputs = RunShards.all(RunShards.read(blobs, List.of(
                "features/s1/" + RUN + "/part-0000.csv.gz", "features/s1/" + RUN + "/part-0001.csv.gz"),
                Frequency.DAILY, 7));
        DeepArModel loaded;
        try (InputStream in = blobs.get(prefix + "model.bin")) {
            loaded = DeepArArtifact.read(in, inputs);
        }
        SeriesCandidate first = JSON.readValue(before, CandidateResults.class).series().get(0);
        assertArrayEquals(first.mean(), loaded.forecastAll(80, 95).get(first.series()).mean(), 0.0);
    }

    /**
     * An item first sold on the run's last day has one period: too short for DeepAR, it is left to the other
     * sources (reported, absent from the results) instead of failing the run, whose other series are trained.
     */
    @Test
    void aSeriesTooShortToFitIsLeftToTheOtherSources() throws IOException {
        String run = "r8-u2";
        String shard = "features/" + SELLER + "/" + run + "/part-0000.csv.gz";
        String lastDay = LocalDate.of(2024, 1, 1).plusDays(DAYS - 1).toString();
        blobs.put(shard, shard(0, 6, "new-item,new-item,," + lastDay + ",3,2.5,0,50\n"), "application/gzip");
        blobs.put("datasets/" + SELLER + "/runs/" + run + ".json", ("{\"seller\":\"s1\",\"runId\":\"" + run
                + "\",\"frequency\":\"DAILY\",\"season\":7,\"horizon\":" + HORIZON + ",\"shards\":1,\"series\":7}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        String trigger = "features/" + SELLER + "/" + run + "/global/deepar.json";
        blobs.put(trigger, ("{\"seller\":\"s1\",\"runId\":\"" + run + "\",\"uploadId\":\"u2\","
                + "\"datasetVersion\":8,\"source\":\"deepar\",\"shards\":[\"" + shard + "\"],\"covariates\":[]}")
                .getBytes(StandardCharsets.UTF_8), "application/json");

        String result = handler.handleRequest(event(trigger), new TestContext("req-4"));
        assertTrue(result.startsWith(run + ": 6 series"), result);
        assertTrue(result.contains("1 series without a forecast") && result.contains("new-item"), result);
        CandidateResults results;
        try (InputStream in = blobs.get(CandidateKeys.results(SELLER, run, "deepar", "0000"))) {
            results = JSON.readValue(in, CandidateResults.class);
        }
        assertEquals(6, results.series().size());
        assertTrue(results.series().stream().noneMatch(c -> c.series().equals("new-item")));
        assertEquals(6, json(CandidateKeys.globalFolder(SELLER, run, "deepar") + "provenance.json").path("data")
                .path("series").asInt());
        assertTrue(blobs.exists("features/" + SELLER + "/" + run + "/global/deepar.done.json"));
    }

    @Test
    void aKeyThatIsNotADeepArTriggerFailsWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(event("features/s1/r1/part-0000.csv.gz"), new TestContext("req-3")));
        assertTrue(e.getMessage().contains("features/s1/r1/part-0000.csv.gz"), e.getMessage());
    }

    /** The Lambda context of a test invocation. */
    private record TestContext(String requestId) implements Context {
        public String getAwsRequestId() {
            return requestId;
        }

        public String getLogGroupName() {
            return "test";
        }

        public String getLogStreamName() {
            return "test";
        }

        public String getFunctionName() {
            return "deeptrain";
        }

        public String getFunctionVersion() {
            return "1";
        }

        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:deeptrain";
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return 900_000;
        }

        public int getMemoryLimitInMB() {
            return 3008;
        }

        public LambdaLogger getLogger() {
            return null;
        }
    }
}
