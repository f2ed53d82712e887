package io.trendcast.testing.emulators;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the nearest directory at or above the working directory holding the root pom. */
public final class RepoRoot {

    private RepoRoot() {
    }

    /**
     * The repository root, found by walking up from {@code user.dir} to the first directory that has both
     * {@code pom.xml} and {@code infra/local/package.json}.
     *
     * @throws IllegalStateException when no such directory exists above the working directory
     */
    public static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isRegularFile(dir.resolve("infra/local/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Trendcast repository root (pom.xml and infra/local/package.json) at or "
                + "above " + start + "; run from inside the repository");
    }
}
