package io.trendcast.local.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where trendcast runs from: {@code infra/local} of a repository checkout, found from this code's own location
 * ({@code infra/local/target/trendcast.jar} or {@code infra/local/target/classes}). The system property
 * {@code trendcast.home} names the repository root instead.
 */
public final class Installation {

    private Installation() {
    }

    /** The repository root. */
    public static Path repoRoot() {
        String override = System.getProperty("trendcast.home");
        Path root = override != null ? Path.of(override) : codeLocation().getParent().getParent().getParent()
                .getParent();
        if (!Files.isRegularFile(root.resolve("infra/local/package.json"))) {
            throw new IllegalStateException(root + " is not a Trendcast checkout (no infra/local/package.json); run "
                    + "./trendcast from the repository or set -Dtrendcast.home");
        }
        return root.toAbsolutePath().normalize();
    }

    private static Path codeLocation() {
        try {
            return Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate trendcast's own code", e);
        }
    }
}
