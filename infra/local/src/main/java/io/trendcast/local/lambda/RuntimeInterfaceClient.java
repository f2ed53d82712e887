package io.trendcast.local.lambda;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the jars of the AWS Lambda runtime interface client (and its dependencies) that the build copies to
 * {@code target/lambda-ric}, beside {@code trendcast.jar} and {@code target/classes}. The system property
 * {@code trendcast.lambda.ric} names another directory.
 */
final class RuntimeInterfaceClient {

    private RuntimeInterfaceClient() {
    }

    /**
     * The directory holding the client's jars.
     *
     * @throws IllegalStateException when it does not exist
     */
    static Path directory() {
        String override = System.getProperty("trendcast.lambda.ric");
        Path dir = override != null ? Path.of(override) : besideThisCode();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the Lambda runtime interface client is not at " + dir + "; build "
                    + "infra/local (./mvnw -pl infra/local -am package) or set -Dtrendcast.lambda.ric");
        }
        return dir.toAbsolutePath();
    }

    private static Path besideThisCode() {
        try {
            Path code = Path.of(RuntimeInterfaceClient.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return code.getParent().resolve("lambda-ric");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate trendcast's own code", e);
        }
    }
}
