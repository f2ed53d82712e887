package io.trendcast.local.cli;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.local.stack.Ports;
import io.trendcast.local.stack.StackOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trendcast up} as a user runs it: a separate JVM that prints the READY line, stops on SIGTERM with its
 * children (dynalite) gone, and finds its blobs and table items again when restarted on the same data directory.
 */
class UpCommandProcessTest {

    @TempDir
    Path dir;

    private record Running(Process process, String ready) {
    }

    private Running up(int apiPort, int s3Port) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrendcastCommand.class.getName(), "up",
                "--data-dir", dir.resolve("data").toString(), "--api-port", Integer.toString(apiPort),
                "--s3-port", Integer.toString(s3Port))
                .redirectError(dir.resolve("up.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new AssertionError("up ended without READY; stderr:\n" + Files.readString(dir.resolve("up.err")));
        }
        return new Running(process, line);
    }

    /** SIGTERM, then checks up and its children are gone (killing them forcibly if not, so nothing leaks). */
    private static void terminate(Running up) throws InterruptedException {
        List<ProcessHandle> children = up.process().descendants().toList();
        up.process().destroy();
        boolean stopped = up.process().waitFor(30, TimeUnit.SECONDS);
        if (!stopped) {
            up.process().destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        assertTrue(stopped, "up stops within 30 s of SIGTERM");
        assertFalse(children.isEmpty(), "dynalite runs as a child");
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            assertFalse(child.isAlive(), "child " + child.pid() + " stopped");
        }
    }

    private URI dynamoDb() throws IOException {
        Properties stack = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("data/stack.properties"))) {
            stack.load(in);
        }
        return URI.create(stack.getProperty("dynamodb"));
    }

    @Test
    void printsReadyStopsOnSigtermAndKeepsDataAcrossRestarts() throws Exception {
        int apiPort = Ports.free();
        int s3Port = Ports.free();
        String runsTable = TableNames.withPrefix(StackOptions.TABLE_PREFIX).runs();

        Running first = up(apiPort, s3Port);
        try {
            assertEquals("READY api=http://127.0.0.1:" + apiPort + " s3=http://127.0.0.1:" + s3Port
                    + " bucket=trendcast-local", first.ready());
            try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(URI.create("http://127.0.0.1:"
                    + s3Port), dynamoDb()))) {
                clients.s3().putObject(b -> b.bucket("trendcast-local").key("reports/s1/kept.json"),
                        RequestBody.fromString("{\"kept\":true}"));
                clients.dynamoDb().putItem(b -> b.tableName(runsTable)
                        .item(Map.of("pk", AttributeValue.fromS("RUN#kept"))));
            }
        } finally {
            terminate(first);
        }
        assertFalse(Files.exists(dir.resolve("data/stack.properties")), "stack file removed on stop");

        Running second = up(apiPort, s3Port);
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(URI.create("http://127.0.0.1:"
                + s3Port), dynamoDb()))) {
            assertEquals("{\"kept\":true}", clients.s3().getObjectAsBytes(b -> b.bucket("trendcast-local")
                    .key("reports/s1/kept.json")).asUtf8String());
            assertTrue(clients.dynamoDb().getItem(b -> b.tableName(runsTable)
                    .key(Map.of("pk", AttributeValue.fromS("RUN#kept")))).hasItem());
        } finally {
            terminate(second);
        }
    }
}
