package io.trendcast.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <dataDir>/stack.properties}: the endpoints of the stack running on that data directory, written when it
 * is up and deleted when it stops, so {@code trendcast keys} and {@code upload} use the running servers (dynalite
 * holds a lock on its data directory; a second one could not open it).
 */
public final class StackFile implements AutoCloseable {

    private static final String NAME = "stack.properties";

    private final Path file;

    private StackFile(Path file) {
        this.file = file;
    }

    /**
     * @param api      the HTTP API endpoint
     * @param s3       the S3 endpoint
     * @param dynamoDb the DynamoDB endpoint
     * @param bucket   the bucket name
     * @param pid      the process running the stack
     */
    public record Endpoints(URI api, URI s3, URI dynamoDb, String bucket, long pid) {
    }

    static StackFile write(Path dataDir, Endpoints endpoints) {
        Properties properties = new Properties();
        properties.setProperty("api", endpoints.api().toString());
        properties.setProperty("s3", endpoints.s3().toString());
        properties.setProperty("dynamodb", endpoints.dynamoDb().toString());
        properties.setProperty("bucket", endpoints.bucket());
        properties.setProperty("pid", Long.toString(endpoints.pid()));
        Path file = dataDir.resolve(NAME);
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "written by trendcast up; deleted when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new StackFile(file);
    }

    /** The endpoints of the stack running on {@code dataDir}, if one is (its process is alive). */
    public static Optional<Endpoints> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid = Long.parseLong(properties.getProperty("pid", "-1"));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(new Endpoints(URI.create(properties.getProperty("api")),
                    URI.create(properties.getProperty("s3")), URI.create(properties.getProperty("dynamodb")),
                    properties.getProperty("bucket"), pid));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
