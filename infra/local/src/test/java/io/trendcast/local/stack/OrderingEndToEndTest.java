package io.trendcast.local.stack;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbForecastStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.aws.s3.ETags;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.local.lambda.FunctionSpec;
import io.trendcast.local.lambda.LocalFunction;
import io.trendcast.local.s3.S3EventJson;
import io.trendcast.testing.emulators.DynaliteServer;
import io.trendcast.testing.emulators.RepoRoot;
import io.trendcast.testing.emulators.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three overlapping uploads of one seller delivered to the packaged ingest function in every order, and every
 * feature shard and global-model trigger then delivered to the packaged train function with the oldest run's last
 * (late events),
 * against S3Proxy and dynalite: the history and every stored forecast are those of the in-order run. The functions
 * run as the local stack runs them (their {@code function.zip} under the Lambda runtime interface client); the
 * events are S3's JSON, handed over in the chosen order instead of as the objects are created. Skipped until the
 * ingest and train zips are built ({@code ./mvnw -pl functions/ingest,functions/train -am package}).
 */
class OrderingEndToEndTest {

    private static final String BUCKET = "trendcast-ordering";
    private static final String PREFIX = "ord-";
    private static final String REGION = "us-east-1";
    private static final Instant T0 = Instant.parse("2024-06-01T09:00:00.100Z");
    private static final LocalDate DAY1 = LocalDate.of(2024, 1, 1);
    private static final List<SeriesKey> SERIES = List.of(SeriesKey.of("own-0"), SeriesKey.of("own-1"),
            SeriesKey.of("own-2"), SeriesKey.of("shared", "north"));

    @TempDir
    static Path dir;
    private static S3ProxyServer s3;
    private static DynaliteServer dynamo;
    private static AwsClients clients;
    private static LocalFunction ingest;
    private static LocalFunction train;
    private static int sequencer = 0x1000;

    @BeforeAll
    static void start() {
        PackagedFunctions packaged = new PackagedFunctions(RepoRoot.find(), dir.resolve("functions"));
        for (FunctionDefinition function : List.of(StackDefinition.INGEST, StackDefinition.TRAIN)) {
            assumeTrue(Files.isRegularFile(packaged.zip(function)), packaged.zip(function) + " is not built");
        }
        s3 = S3ProxyServer.startTransient();
        s3.createBucket(BUCKET);
        dynamo = DynaliteServer.startInMemory();
        clients = new AwsClients(AwsSettings.forLocalEndpoints(s3.endpoint(), dynamo.endpoint()));
        TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix(PREFIX));
        ingest = LocalFunction.start(spec(StackDefinition.INGEST, packaged), REGION);
        train = LocalFunction.start(spec(StackDefinition.TRAIN, packaged), REGION);
    }

    /** The function as {@link LocalStack} runs it, pointed at this test's emulators. */
    private static FunctionSpec spec(FunctionDefinition definition, PackagedFunctions packaged) {
        FunctionCode.Code code = packaged.locate(definition).orElseThrow();
        AwsSettings local = AwsSettings.forLocalEndpoints(s3.endpoint(), dynamo.endpoint());
        Map<String, String> env = new HashMap<>(Map.of(
                StackDefinition.ENV_BUCKET, BUCKET,
                StackDefinition.ENV_TABLE_PREFIX, PREFIX,
                StackDefinition.ENV_S3_ENDPOINT, s3.endpoint().toString(),
                StackDefinition.ENV_DYNAMODB_ENDPOINT, dynamo.endpoint().toString(),
                StackDefinition.ENV_COST_ARCHITECTURE, definition.architecture(),
                StackDefinition.ENV_JAVA_TOOL_OPTIONS, definition.javaToolOptions(),
                "AWS_ACCESS_KEY_ID", local.accessKey(),
                "AWS_SECRET_ACCESS_KEY", local.secretKey()));
        definition.namedHandler().ifPresent(named -> env.put(StackDefinition.ENV_LAMBDA_HANDLER, named));
        return new FunctionSpec(definition.name(), code.handler(), code.classPath(), env, definition.memoryMb(),
                definition.timeout(), dir.resolve("logs").resolve(definition.name() + ".log"),
                code.classDataArchive());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : Arrays.asList(train, ingest, clients, dynamo, s3)) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop " + part, e);
            }
        }
    }

    @Test
    void everyOrderOfThreeOverlappingUploadsEndsWithTheHistoryAndForecastsOfTheInOrderRun() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        Outcome inOrder = run("ord-012", orders[0]);
        assertEquals(SERIES.size(), inOrder.forecasts().size());
        for (int[] order : Arrays.copyOfRange(orders, 1, orders.length)) {
            Outcome other = run("ord-" + order[0] + order[1] + order[2], order);
            assertEquals(inOrder.history(), other.history(), "history, order " + Arrays.toString(order));
            assertEquals(inOrder.forecasts(), other.forecasts(), "forecasts, order " + Arrays.toString(order));
        }
    }

    /**
     * Upload {@code i} (created at T0 + i s) gives {@code shared/north} for days {@code 20i+1 .. 20i+80}, a level
     * of {@code 50(i+1)} with a weekly pattern, so each later upload overlaps and changes the earlier ones' days,
     * and {@code own-i} alone. Ingests in {@code order}, then delivers every shard and global trigger of every run
     * to train, newest run first.
     */
    private Outcome run(String seller, int[] order) {
        List<String> keys = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StringBuilder csv = new StringBuilder("date,item_id,store_id,quantity\n");
            for (int d = 20 * i + 1; d <= 20 * i + 80; d++) {
                csv.append(DAY1.plusDays(d - 1)).append(",shared,north,").append(50 * (i + 1) + 7 * (d % 7))
                        .append('\n');
            }
            for (int d = 1; d <= 120; d++) {
                csv.append(DAY1.plusDays(d - 1)).append(",own-").append(i).append(",,").append(10 + i + d % 5)
                        .append('\n');
            }
            String key = "uploads/" + seller + "/" + (char) ('c' - i) + ".csv";
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            etags.add(ETags.unquote(clients.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes))
                    .eTag()));
            keys.add(key);
        }
        for (int i : order) {
            String summary = ingest.invoke(S3EventJson.objectCreated(REGION, "uploads", "ObjectCreated:Put",
                    T0.plusSeconds(i), BUCKET, keys.get(i), 0, etags.get(i), null, Integer.toHexString(sequencer++)));
            assertTrue(summary.contains("ACCEPTED"), summary);
        }
        List<S3Object> features = new ArrayList<>(clients.s3().listObjectsV2Paginator(b -> b.bucket(BUCKET)
                .prefix("features/" + seller + "/")).contents().stream().toList());
        features.sort((a, b) -> b.key().compareTo(a.key()));
        assertEquals(3, features.stream().filter(f -> f.key().endsWith(".csv.gz")).count(),
                "one shard per run: " + features);
        for (S3Object feature : features) {
            train.invoke(S3EventJson.objectCreated(REGION, "features", "ObjectCreated:Put", Instant.now(), BUCKET,
                    feature.key(), feature.size(), ETags.unquote(feature.eTag()), null,
                    Integer.toHexString(sequencer++)));
        }
        long version = new DynamoDbRunStore(clients.dynamoDb(), TableNames.withPrefix(PREFIX).runs())
                .datasetVersion(seller);
        assertEquals(3, version);
        DynamoDbForecastStore forecasts = new DynamoDbForecastStore(clients.dynamoDb(),
                TableNames.withPrefix(PREFIX).forecasts());
        List<String> served = new ArrayList<>();
        for (SeriesKey series : SERIES) {
            StoredForecast f = forecasts.get(seller, series).orElseThrow(() -> new AssertionError("no forecast of "
                    + series + " for " + seller));
            assertTrue(f.runId().startsWith("r3-"), "the newest run's forecast is served: " + f.runId());
            served.add(series.encode() + " " + f.model() + " " + f.frequency() + " " + f.points() + " "
                    + f.accuracy() + " " + f.trend() + " " + f.insights());
        }
        return new Outcome(gunzip("datasets/" + seller + "/history-v3.csv.gz"), served);
    }

    private static String gunzip(String key) {
        try (InputStream in = new GZIPInputStream(clients.s3().getObject(b -> b.bucket(BUCKET).key(key)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param history   the final history's text, with each row's upload ref (refs follow the uploads' stamps, so
     *                  they agree between sellers)
     * @param forecasts every stored forecast without its run id and time
     */
    private record Outcome(String history, List<String> forecasts) {
    }
}
