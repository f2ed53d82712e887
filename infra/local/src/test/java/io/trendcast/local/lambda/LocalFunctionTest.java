package io.trendcast.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local runtime runs a handler in a child JVM under the real runtime interface client. */
class LocalFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Child logs stay in target/ for a look after a failure. */
    private static final Path logs = Path.of("target", "lambda-logs");
    private static LocalFunction function;

    @BeforeAll
    static void start() {
        function = LocalFunction.start(probe("probe", Duration.ofSeconds(3)), "us-east-1");
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    static FunctionSpec probe(String name, Duration timeout) {
        return new FunctionSpec(name, ProbeHandler.class.getName() + "::handleRequest", List.of(testClasses()),
                Map.of("TRENDCAST_BUCKET", "b1"), 256, timeout, logs.resolve(name + ".log"));
    }

    static Path testClasses() {
        try {
            return Path.of(ProbeHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode invoke(String event) throws Exception {
        return JSON.readTree(function.invoke(event));
    }

    @Test
    void returnsTheHandlersResponseWithTheContextLambdaGives() throws Exception {
        JsonNode answer = invoke("{\"hello\":\"world\",\"env\":\"TRENDCAST_BUCKET\"}");
        assertEquals("world", answer.path("event").path("hello").asText());
        assertEquals("b1", answer.path("envValue").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:probe", answer.path("functionArn").asText());
        assertEquals(36, answer.path("requestId").asText().length());
        long remaining = answer.path("remainingMs").asLong();
        assertTrue(remaining > 1000 && remaining <= 3000, "remaining time from the deadline header: " + remaining);
    }

    @Test
    void reservedVariablesAreSetAsOnAws() throws Exception {
        assertEquals("probe", invoke("{\"env\":\"AWS_LAMBDA_FUNCTION_NAME\"}").path("envValue").asText());
        assertEquals("256", invoke("{\"env\":\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\"}").path("envValue").asText());
        assertEquals("us-east-1", invoke("{\"env\":\"AWS_REGION\"}").path("envValue").asText());
    }

    @Test
    void handlerExceptionIsAFunctionErrorAndTheJvmLivesOn() throws Exception {
        long pid = invoke("{}").path("pid").asLong();
        FunctionErrorException error = assertThrows(FunctionErrorException.class,
                () -> function.invoke("{\"fail\":\"bad row 7\"}"));
        assertEquals("java.lang.IllegalArgumentException", error.errorType());
        assertTrue(error.getMessage().contains("bad row 7"), error.getMessage());
        assertTrue(JSON.readTree(error.payload()).has("stackTrace"), error.payload());
        assertEquals(pid, invoke("{}").path("pid").asLong());
    }

    @Test
    void crashedJvmIsReplacedOnTheNextInvocation() throws Exception {
        long pid = invoke("{}").path("pid").asLong();
        FunctionErrorException error = assertThrows(FunctionErrorException.class,
                () -> function.invoke("{\"exit\":\"3\"}"));
        assertEquals("Runtime.ExitError", error.errorType());
        assertNotEquals(pid, invoke("{}").path("pid").asLong());
    }

    @Test
    void overrunningInvocationTimesOutAndTheNextGetsAFreshJvm() throws Exception {
        long pid = invoke("{}").path("pid").asLong();
        FunctionErrorException error = assertThrows(FunctionErrorException.class,
                () -> function.invoke("{\"sleepMs\":\"10000\"}"));
        assertEquals("Sandbox.Timedout", error.errorType());
        assertNotEquals(pid, invoke("{}").path("pid").asLong());
    }

    /**
     * The runtime interface client unpacks its native library to one fixed path, {@code /tmp/.libaws-lambda-jni.so},
     * before loading it; on Lambda every environment has its own /tmp, here the functions of a stack (and of stacks
     * run side by side) share one. JVMs that start together overwrote each other's copy half-written and exited.
     */
    @Test
    void functionsStartingTogetherAllAnswer() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<LocalFunction> started = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    started.add(LocalFunction.start(probe("together-" + i, Duration.ofSeconds(30)), "us-east-1"));
                }
                for (LocalFunction each : started) {
                    assertEquals("world", JSON.readTree(each.invoke("{\"hello\":\"world\"}")).path("event")
                            .path("hello").asText(), each.name());
                }
            } finally {
                started.forEach(LocalFunction::close);
            }
        }
    }

    @Test
    void handlerThatCannotLoadFailsInit() {
        FunctionSpec missing = new FunctionSpec("missing", "no.such.Handler::handleRequest", List.of(testClasses()),
                Map.of(), 128, Duration.ofSeconds(3), logs.resolve("missing.log"));
        try (LocalFunction broken = LocalFunction.start(missing, "us-east-1")) {
            FunctionErrorException error = assertThrows(FunctionErrorException.class, () -> broken.invoke("{}"));
            assertTrue(error.errorType().startsWith("Runtime.") || error.errorType().contains("ClassNotFound"),
                    error.errorType() + ": " + error.getMessage());
        }
    }
}
