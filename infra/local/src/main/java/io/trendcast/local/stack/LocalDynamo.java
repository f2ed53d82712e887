package io.trendcast.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, the DynamoDB-compatible server, under Node on a free port of 127.0.0.1 with its data in a directory
 * (persistent across restarts). The Node packages of {@code infra/local/package.json} are installed with
 * {@code npm ci} when missing. Its output goes to {@code dynamodb.log} beside the data directory. A shutdown hook
 * stops it should the JVM exit without {@link #close()}.
 */
public final class LocalDynamo implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 20_000;

    private final Process process;
    private final int port;

    private final Thread stopAtExit;

    private LocalDynamo(Process process, int port) {
        this.process = process;
        this.port = port;
        this.stopAtExit = new Thread(process::destroy, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts dynalite on {@code dataDir} and waits until it accepts connections. */
    public static LocalDynamo start(Path dataDir) {
        Path nodeDir = Installation.repoRoot().resolve("infra/local");
        ensureInstalled(nodeDir);
        int port = Ports.free();
        List<String> command = List.of("node", nodeDir.resolve("node_modules/dynalite/cli.js").toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--createTableMs", "0",
                "--deleteTableMs", "0", "--updateTableMs", "0", "--path", dataDir.toAbsolutePath().toString());
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.toAbsolutePath().getParent().resolve("dynamodb.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LocalDynamo dynamo = new LocalDynamo(process, port);
            dynamo.awaitReady(log);
            return dynamo;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite (is 'node' on the PATH?): " + command, e);
        }
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41235}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady(Path log) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!Ports.answers(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                close();
                throw new IllegalStateException("dynalite did not start on port " + port + "; see " + log);
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

    private static void ensureInstalled(Path nodeDir) {
        if (Files.isRegularFile(nodeDir.resolve("node_modules/dynalite/package.json"))
                && Files.isRegularFile(nodeDir.resolve("node_modules/.package-lock.json"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(nodeDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("'npm ci' in " + nodeDir + " failed; run it there to see why");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run npm (is Node 20 installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing dynalite", e);
        }
    }

    /** Stops the Node process (dynalite flushes its LevelDB store on exit), forcibly after 5 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook stops dynalite already
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
    }
}
