package io.trendcast.testing.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, a DynamoDB-compatible server, run under Node on a free port of 127.0.0.1. Table operations take
 * effect at once ({@code --createTableMs 0} and friends). Data live in memory unless a directory is given.
 * dynalite lacks transactions, TTL and PartiQL (STACK-NOTES.md); everything else the adapters use works.
 *
 * <p>A JVM shutdown hook stops the process should a test forget to close the server. The Node package comes from {@code infra/local/package.json}; a missing {@code node_modules} is installed
 * with {@code npm ci} on first use.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 20_000;

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopAtExit;

    private DynaliteServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopAtExit = new Thread(process::destroy, "dynalite-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts dynalite with its data in memory. */
    public static DynaliteServer startInMemory() {
        return start(null);
    }

    /** Starts dynalite with its data in {@code dataDir}, which survives a restart. */
    public static DynaliteServer startPersistent(Path dataDir) {
        return start(dataDir, FreePort.find());
    }

    /**
     * Starts dynalite with its data in {@code dataDir} on {@code port}: with the port of a closed server, this
     * restarts it where its clients still point (for tests of outages).
     */
    public static DynaliteServer startPersistent(Path dataDir, int port) {
        return start(dataDir, port);
    }

    private static DynaliteServer start(Path dataDir) {
        return start(dataDir, FreePort.find());
    }

    private static DynaliteServer start(Path dataDir, int port) {
        Path nodeDir = NodeModules.ensureInstalled("dynalite");
        List<String> command = new ArrayList<>(List.of("node",
                nodeDir.resolve("node_modules/dynalite/cli.js").toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.add("--path");
            command.add(dataDir.toAbsolutePath().toString());
        }
        try {
            Path log = Files.createTempFile("trendcast-dynalite-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            DynaliteServer server = new DynaliteServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite (is 'node' on the PATH?): " + command, e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!FreePort.answers(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                close();
                throw new IllegalStateException("dynalite did not answer on port " + port + " within "
                        + START_TIMEOUT_MILLIS + " ms (exit: " + (process.isAlive() ? "still running" :
                        process.exitValue()) + "); its output:\n" + Files.readString(log));
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for dynalite", e);
            }
        }
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** The server's endpoint, e.g. {@code http://127.0.0.1:41235}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the Node process, forcibly if it does not exit within 5 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is stopping the process already
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // the log is a temp file; leaving it behind is harmless
        }
    }
}
