package io.trendcast.testing.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the Node packages of {@code infra/local/package.json} are installed, running {@code npm ci} once if
 * they are not. An exclusive file lock keeps concurrent builds (several Maven modules, several JVMs) from
 * installing at the same time; the second one finds the packages in place.
 */
final class NodeModules {

    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private NodeModules() {
    }

    /**
     * The directory holding {@code package.json} and, after this call, {@code node_modules/<module>}. The system
     * property {@code trendcast.node.dir} overrides the default {@code <repo>/infra/local}.
     */
    static Path ensureInstalled(String module) {
        String override = System.getProperty("trendcast.node.dir");
        Path dir = override != null ? Path.of(override) : RepoRoot.find().resolve("infra/local");
        Path marker = dir.resolve("node_modules").resolve(module).resolve("package.json");
        if (installed(dir, marker)) {
            return dir;
        }
        Path lockFile = dir.resolve("node_modules.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!installed(dir, marker)) {
                npmInstall(dir);
            }
            if (!installed(dir, marker)) {
                throw new IllegalStateException("npm finished but " + marker + " is missing; check "
                        + dir.resolve("package.json") + " lists '" + module + "'");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + " to install Node packages", e);
        }
    }

    /**
     * Whether the module is there and the last install finished: npm writes {@code node_modules/.package-lock.json}
     * when it completes, so an interrupted install is redone rather than half used.
     */
    private static boolean installed(Path dir, Path marker) {
        return Files.isRegularFile(marker) && Files.isRegularFile(dir.resolve("node_modules/.package-lock.json"));
    }

    private static void npmInstall(Path dir) throws IOException {
        boolean locked = Files.isRegularFile(dir.resolve("package-lock.json"));
        List<String> command = List.of("npm", locked ? "ci" : "install", "--no-audit", "--no-fund");
        Path log = Files.createTempFile("trendcast-npm-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " in " + dir + " took more than "
                        + INSTALL_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running npm in " + dir, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed with exit code "
                    + process.exitValue() + " (is Node 20 with npm on the PATH, and the npm registry reachable?):\n"
                    + Files.readString(log));
        }
    }
}
