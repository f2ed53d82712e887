package io.trendcast.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack wired as StackDefinition says, with stand-in handlers: an object under {@code uploads/} reaches the
 * ingest function through the real runtime, with the stack's environment; HTTP requests reach the api function as
 * HTTP API events.
 */
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        Path testClasses = Path.of(RecordingHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        FunctionCode standIns = definition -> {
            Path taskRoot = dir.resolve("task-" + definition.name());
            try {
                Files.createDirectories(taskRoot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Class<?> handler = definition.equals(StackDefinition.API) ? EchoApiHandler.class : RecordingHandler.class;
            return Optional.of(new FunctionCode.Code(List.of(taskRoot, testClasses),
                    handler.getName() + "::handleRequest"));
        };
        stack = LocalStack.start(StackOptions.defaults(dir.resolve("data"), Ports.free(), Ports.free())
                .withCode(standIns));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void readyLineNamesTheEndpointsAndBucket() {
        assertTrue(stack.readyLine().matches("READY api=http://127\\.0\\.0\\.1:\\d+ s3=http://127\\.0\\.0\\.1:\\d+ "
                + "bucket=trendcast-local"), stack.readyLine());
        assertEquals(List.of("ingest", "train", "api"), stack.runningFunctions());
    }

    @Test
    void uploadReachesIngestWithTheStacksEnvironment() throws Exception {
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(stack.s3Endpoint(), null))) {
            clients.s3().putObject(b -> b.bucket(stack.bucket()).key("uploads/s1/nov sales.csv"),
                    RequestBody.fromString("date,item,quantity\n"));
        }
        JsonNode line = awaitLine(dir.resolve("task-ingest/events.jsonl"));
        assertEquals("trendcast-local", line.get("bucket").asText());
        assertEquals("ingest", line.get("handler").asText());
        assertEquals(StackOptions.TABLE_PREFIX, line.get("tablePrefix").asText());
        assertEquals(stack.s3Endpoint().toString(), line.get("s3").asText());
        assertEquals("uploads/s1/nov+sales.csv", line.at("/event/Records/0/s3/object/key").asText());
        assertEquals("uploads-csv", line.at("/event/Records/0/s3/configurationId").asText());
    }

    @Test
    void httpRequestsBecomeHttpApiEvents() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.apiEndpoint() + "/v1/sellers/s1/trends?direction=rising&limit=5"))
                .header("Authorization", "Bearer k1").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("1", response.headers().firstValue("x-echo").orElseThrow());
        JsonNode event = JSON.readTree(response.body());
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /v1/sellers/{seller}/trends", event.get("routeKey").asText());
        assertEquals("s1", event.at("/pathParameters/seller").asText());
        assertEquals("/v1/sellers/s1/trends", event.get("rawPath").asText());
        assertEquals("direction=rising&limit=5", event.get("rawQueryString").asText());
        assertEquals("rising", event.at("/queryStringParameters/direction").asText());
        assertEquals("Bearer k1", event.at("/headers/authorization").asText());
        assertEquals("GET", event.at("/requestContext/http/method").asText());
        assertEquals("/v1/sellers/s1/trends", event.at("/requestContext/http/path").asText());
        assertEquals(false, event.get("isBase64Encoded").asBoolean());
    }

    @Test
    void pathsOutsideTheRoutesAreAnsweredByTheGateway() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.apiEndpoint() + "/v2/anything")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }

    private static JsonNode awaitLine(Path file) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                return JSON.readTree(Files.readAllLines(file).get(0));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no event reached " + file + " within 60 s");
    }
}
