package io.trendcast.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.s3.ETags;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DeepAR in the serverless path, on the local stack with DeepAR on ({@code trendcast up --deepar}): the deeptrain
 * function runs from its module's jar and {@code target/lib} (what its image holds) under the local Lambda runtime.
 * An upload is ingested, its shards trained and selected with the Tribuo model; ingest's {@code deepar.json} trigger
 * starts deeptrain, whose {@code deepar.done.json} has train select every shard again with DeepAR among the sources,
 * and the API serves each series' choice. A tiny training (3 epochs, 20 sample paths) keeps it short: the test is of
 * the wiring, not of DeepAR's accuracy. Skipped until the function zips and the deeptrain jar are built.
 */
class DeepArEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELLER = "e2e-deep";
    private static final Duration WITHIN = Duration.ofMinutes(10);

    @TempDir
    static Path dir;
    private static LocalStack stack;
    private static AwsClients clients;
    private static String key;
    private static String uploadId;
    private static UploadStatus status;

    @BeforeAll
    static void start() throws InterruptedException {
        PackagedFunctions packaged = new PackagedFunctions(RepoRoot.find(), dir.resolve("functions"));
        for (FunctionDefinition function : StackDefinition.FUNCTIONS) {
            assumeTrue(Files.isRegularFile(packaged.zip(function)), packaged.zip(function) + " is not built");
        }
        assumeTrue(Files.isRegularFile(packaged.imageJar(StackDefinition.DEEPTRAIN)),
                packaged.imageJar(StackDefinition.DEEPTRAIN) + " is not built");
        stack = LocalStack.start(StackOptions.defaults(dir.resolve("data"), Ports.free(), Ports.free())
                .withCode(packaged).withDeepAr(true)
                .withEnvironment(StackDefinition.DEEPTRAIN.name(),
                        Map.of("TRENDCAST_DEEPAR_EPOCHS", "3", "TRENDCAST_DEEPAR_PATHS", "20")));
        clients = new AwsClients(AwsSettings.forLocalEndpoints(stack.s3Endpoint(), stack.dynamoDbEndpoint()));
        key = "e2e-deep-key-" + System.nanoTime();
        new DynamoDbApiKeyStore(clients.dynamoDb(), tables().apiKeys())
                .create(ApiKeyRecord.forSeller(key, SELLER, Instant.now()));
        Path sample = RepoRoot.find().resolve("events/samples/sales-clean.csv");
        String objectKey = "uploads/" + SELLER + "/" + sample.getFileName();
        PutObjectResponse put = clients.s3().putObject(b -> b.bucket(stack.bucket()).key(objectKey), sample);
        uploadId = new ObjectCreated(stack.bucket(), objectKey, sample.toFile().length(),
                ETags.unquote(put.eTag()), put.versionId(), null).uploadId();
        status = awaitFinal();
    }

    @AfterAll
    static void stop() {
        if (clients != null) {
            clients.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void deepArJoinsEveryShardsSelectionAndEachChoiceIsServed() throws Exception {
        assertEquals(UploadState.TRAINED, status.state(), status.message());
        assertTrue(stack.runningFunctions().contains(StackDefinition.DEEPTRAIN.name()), stack.runningFunctions()
                .toString());
        String run = status.runId();
        String done = "features/" + SELLER + "/" + run + "/global/deepar.done.json";
        String selections = "models/" + SELLER + "/" + run + "/selection/";
        List<JsonNode> records = List.of();
        Instant deadline = Instant.now().plus(WITHIN);
        while (Instant.now().isBefore(deadline)) {
            records = clients.s3().listObjectsV2(b -> b.bucket(stack.bucket()).prefix(selections)).contents()
                    .stream().map(o -> read(o.key())).toList();
            if (exists(done) && !records.isEmpty()
                    && records.stream().allMatch(r -> r.get("completeness").asInt() == 3)) {
                break;
            }
            Thread.sleep(1000);
        }
        assertTrue(exists(done), "deeptrain never reported its results in; see " + dir.resolve("data/logs"));
        assertTrue(exists("models/" + SELLER + "/" + run + "/global/deepar/model.bin"));
        JsonNode provenance = read("models/" + SELLER + "/" + run + "/global/deepar/provenance.json");
        int epochs = provenance.path("training").path("epochs").asInt();
        assertTrue(epochs >= 1 && epochs <= 3, "the stack's TRENDCAST_DEEPAR_EPOCHS=3 reached it (else 20 or more): "
                + epochs);
        assertFalse(records.isEmpty());
        int deep = 0;
        for (JsonNode record : records) {
            assertEquals(3, record.get("completeness").asInt(), "local, tribuo and deepar: " + record);
            assertTrue(record.get("groupErrors").has("deepar"), record.get("groupErrors").toString());
            for (JsonNode choice : record.get("series")) {
                SeriesKey series = SeriesKey.decode(choice.get("series").asText());
                String query = series.store() == null ? "" : "?store=" + series.store();
                JsonNode served = JSON.readTree(get("/v1/sellers/" + SELLER + "/items/" + series.item()
                        + "/forecast" + query).body());
                assertEquals(choice.get("model").asText(), served.get("model").asText(), choice.toString());
                deep += choice.get("source").asText().contains("deepar") ? 1 : 0;
            }
        }
        System.out.println("e2e: DeepAR (alone or in a mean) serves " + deep + " series after selection");

        DynamoDbCostLedger ledger = new DynamoDbCostLedger(clients.dynamoDb(), tables().costLedger());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CostRecord> deepTrain = ledger.between(today.minusDays(1), today).stream()
                .filter(r -> r.function().equals(StackDefinition.DEEPTRAIN.name())).toList();
        assertEquals(1, deepTrain.size(), "one run, one deeptrain invocation: " + deepTrain);
        assertEquals(SELLER, deepTrain.get(0).seller());
        assertEquals(StackDefinition.DEEPTRAIN.memoryMb(), deepTrain.get(0).memoryMb());
        assertTrue(deepTrain.get(0).units() > 0, "series trained: " + deepTrain.get(0));
    }

    private static TableNames tables() {
        return TableNames.withPrefix(StackOptions.TABLE_PREFIX);
    }

    private static JsonNode read(String objectKey) {
        try {
            return JSON.readTree(clients.s3().getObjectAsBytes(b -> b.bucket(stack.bucket()).key(objectKey))
                    .asUtf8String());
        } catch (java.io.IOException e) {
            throw new AssertionError(objectKey + " is not JSON", e);
        }
    }

    private static boolean exists(String objectKey) {
        try {
            clients.s3().headObject(b -> b.bucket(stack.bucket()).key(objectKey));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static UploadStatus awaitFinal() throws InterruptedException {
        DynamoDbRunStore runs = new DynamoDbRunStore(clients.dynamoDb(), tables().runs());
        EnumSet<UploadState> finished = EnumSet.of(UploadState.TRAINED, UploadState.REJECTED, UploadState.FAILED);
        Instant deadline = Instant.now().plus(WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<UploadStatus> s = runs.uploadStatus(uploadId);
            if (s.isPresent() && finished.contains(s.get().state())) {
                return s.get();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("upload " + uploadId + " not finished within " + WITHIN + "; see "
                + dir.resolve("data/logs"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
