package io.trendcast.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.s3.ETags;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.local.http.HttpApiGateway;
import io.trendcast.local.http.Routes;
import io.trendcast.local.lambda.FunctionSpec;
import io.trendcast.local.lambda.LocalFunction;
import io.trendcast.local.s3.Subscription;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link EndToEndTest}'s journey against LocalStack in Docker instead of S3Proxy and dynalite: the packaged
 * functions run under the local Lambda runtime with LocalStack's S3 and DynamoDB endpoints, the bucket gets the
 * template's notification rules ({@link StackDefinition#SUBSCRIPTIONS}) with an SQS queue as destination, and each
 * notification LocalStack emits is handed, as it is, to the function its rule names. So the events the functions
 * decode are S3's own format as another implementation writes it. Skipped without a Docker engine (as on the
 * development machines) and until the three {@code function.zip} are built.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "trendcast-e2e";
    private static final String PREFIX = "ls-e2e-";
    private static final String SELLER = "ls-e2e";
    private static final Duration TRAINED_WITHIN = Duration.ofMinutes(10);

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4")).withServices("s3", "dynamodb", "sqs");

    @TempDir
    static Path dir;
    private static final Map<String, LocalFunction> FUNCTIONS = new ConcurrentHashMap<>();
    private static AwsClients clients;
    private static SqsClient sqs;
    private static HttpApiGateway api;
    private static Thread pump;
    private static volatile boolean pumping = true;
    private static String key;
    private static String uploadId;
    private static UploadStatus status;

    @BeforeAll
    static void start() throws Exception {
        PackagedFunctions packaged = new PackagedFunctions(RepoRoot.find(), dir.resolve("functions"));
        for (FunctionDefinition function : StackDefinition.FUNCTIONS) {
            assumeTrue(Files.isRegularFile(packaged.zip(function)), packaged.zip(function) + " is not built");
        }
        URI endpoint = LOCALSTACK.getEndpoint();
        String region = LOCALSTACK.getRegion();
        clients = new AwsClients(AwsSettings.builder().region(region).s3Endpoint(endpoint).dynamoDbEndpoint(endpoint)
                .pathStyle(true).maxAttempts(3).backoff(Duration.ofMillis(20), Duration.ofMillis(500))
                .staticCredentials(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()).build());
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix(PREFIX));
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()))).build();
        String queueUrl = sqs.createQueue(b -> b.queueName("trendcast-notifications")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        List<QueueConfiguration> rules = StackDefinition.SUBSCRIPTIONS.stream().map(s -> QueueConfiguration.builder()
                .id(s.id()).queueArn(queueArn).events(Event.S3_OBJECT_CREATED)
                .filter(f -> f.key(k -> k.filterRules(
                        FilterRule.builder().name(FilterRuleName.PREFIX).value(s.prefix()).build(),
                        FilterRule.builder().name(FilterRuleName.SUFFIX).value(s.suffix()).build())))
                .build()).toList();
        clients.s3().putBucketNotificationConfiguration(b -> b.bucket(BUCKET)
                .notificationConfiguration(n -> n.queueConfigurations(rules)));

        for (FunctionDefinition definition : StackDefinition.FUNCTIONS) {
            FunctionCode.Code code = packaged.locate(definition).orElseThrow();
            Map<String, String> env = new HashMap<>(Map.of(
                    StackDefinition.ENV_BUCKET, BUCKET,
                    StackDefinition.ENV_TABLE_PREFIX, PREFIX,
                    StackDefinition.ENV_S3_ENDPOINT, endpoint.toString(),
                    StackDefinition.ENV_DYNAMODB_ENDPOINT, endpoint.toString(),
                    StackDefinition.ENV_JAVA_TOOL_OPTIONS, definition.javaToolOptions(),
                    "AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey(),
                    "AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey()));
            definition.namedHandler().ifPresent(named -> env.put(StackDefinition.ENV_LAMBDA_HANDLER, named));
            FUNCTIONS.put(definition.name(), LocalFunction.start(new FunctionSpec(definition.name(), code.handler(),
                    code.classPath(), env, definition.memoryMb(), definition.timeout(),
                    dir.resolve("logs").resolve(definition.name() + ".log")), region));
        }
        api = HttpApiGateway.start(Ports.free(), new Routes(StackDefinition.API_ROUTES),
                FUNCTIONS.get(StackDefinition.API.name())::invoke, Clock.systemUTC());
        pump = new Thread(() -> deliver(queueUrl), "s3-notifications");
        pump.setDaemon(true);
        pump.start();

        key = "ls-e2e-key-" + System.nanoTime();
        new DynamoDbApiKeyStore(clients.dynamoDb(), TableNames.withPrefix(PREFIX).apiKeys())
                .create(ApiKeyRecord.forSeller(key, SELLER, Instant.now()));
        Path sample = RepoRoot.find().resolve("events/samples/sales-clean.csv");
        String objectKey = "uploads/" + SELLER + "/" + sample.getFileName();
        PutObjectResponse put = clients.s3().putObject(b -> b.bucket(BUCKET).key(objectKey), sample);
        uploadId = new ObjectCreated(BUCKET, objectKey, sample.toFile().length(), ETags.unquote(put.eTag()),
                put.versionId(), null).uploadId();
        status = awaitFinal(uploadId);
    }

    /** Hands each S3 notification from the queue to the function whose rule matches its key, as S3 would. */
    private static void deliver(String queueUrl) {
        while (pumping) {
            try {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
                        .maxNumberOfMessages(10)).messages()) {
                    JsonNode records = JSON.readTree(message.body()).path("Records");
                    if (!records.isEmpty()) {
                        String objectKey = URLDecoder.decode(records.get(0).path("s3").path("object").path("key")
                                .asText(), StandardCharsets.UTF_8);
                        Optional<Subscription> rule = StackDefinition.SUBSCRIPTIONS.stream()
                                .filter(s -> s.matches(objectKey)).findFirst();
                        rule.ifPresent(s -> FUNCTIONS.get(s.function()).invoke(message.body()));
                    }
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            } catch (Exception e) {
                if (pumping) {
                    System.err.println("notification delivery failed, retried on the next poll: " + e);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pumping = false;
        if (pump != null) {
            pump.join(5_000);
        }
        if (api != null) {
            api.close();
        }
        for (LocalFunction function : FUNCTIONS.values()) {
            function.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void uploadIsIngestedTrainedAndServedToItsSellerOnly() throws Exception {
        assertEquals(UploadState.TRAINED, status.state(), status.message());
        assertEquals(200, get("/v1/sellers/" + SELLER + "/uploads/" + uploadId, key).statusCode());
        HttpResponse<String> forecast = get("/v1/sellers/" + SELLER + "/items/SKU-001/forecast?store=north", key);
        assertEquals(200, forecast.statusCode(), forecast.body());
        JsonNode points = JSON.readTree(forecast.body()).path("points");
        assertFalse(points.isEmpty(), forecast.body());
        for (JsonNode point : points) {
            assertTrue(point.path("lo95").asDouble() <= point.path("mean").asDouble()
                    && point.path("mean").asDouble() <= point.path("hi95").asDouble(), point.toString());
        }
        int other = get("/v1/sellers/someone-else/items/SKU-001/forecast?store=north", key).statusCode();
        assertTrue(other == 403 || other == 404, "another seller's data: " + other);
    }

    private static UploadStatus awaitFinal(String id) throws InterruptedException {
        DynamoDbRunStore runs = new DynamoDbRunStore(clients.dynamoDb(), TableNames.withPrefix(PREFIX).runs());
        EnumSet<UploadState> done = EnumSet.of(UploadState.TRAINED, UploadState.REJECTED, UploadState.FAILED);
        Instant deadline = Instant.now().plus(TRAINED_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<UploadStatus> s = runs.uploadStatus(id);
            if (s.isPresent() && done.contains(s.get().state())) {
                return s.get();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("upload " + id + " not finished within " + TRAINED_WITHIN + "; see "
                + dir.resolve("logs"));
    }

    private static HttpResponse<String> get(String path, String apiKey) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.endpoint() + path))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
