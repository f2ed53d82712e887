package io.trendcast.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the jars of the AWS Lambda runtime interface client (and its dependencies) that the build copies to
 * {@code target/lambda-ric}, beside {@code trendcast.jar} and {@code target/classes}. The system property
 * {@code trendcast.lambda.ric} names another directory.
 *
 * <p>The client unpacks its native library to one fixed path, {@code /tmp/.libaws-lambda-jni.so}, and loads it from
 * there. On Lambda each execution environment has a /tmp of its own; here every function JVM shares one, and JVMs
 * starting together replaced the file while another was mapping it (SIGBUS, or a half-written library). So the
 * library for this platform is unpacked once into a directory named by its content hash, and each child is told its
 * path through the client's own system property.
 */
final class RuntimeInterfaceClient {

    /** The client's property naming a native library to load instead of unpacking its own. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String JAR_PREFIX = "aws-lambda-java-runtime-interface-client-";
    /** This JVM's unpacked library: every child JVM start (and restart) reuses it instead of re-reading the jar. */
    private static Path unpacked;

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

    /**
     * The client's native library for this platform, unpacked once under {@code java.io.tmpdir} into a directory
     * named by the library's SHA-256, written to a temporary name and moved into place, so a JVM never sees it
     * half-written and it is never replaced while mapped.
     */
    static synchronized Path nativeLibrary() {
        if (unpacked == null || !Files.isRegularFile(unpacked)) {
            unpacked = nativeLibrary(directory(), Path.of(System.getProperty("java.io.tmpdir")), libraryName());
        }
        return unpacked;
    }

    static Path nativeLibrary(Path ricDirectory, Path cacheRoot, String libraryName) {
        Path jar = clientJar(ricDirectory);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("jni/" + libraryName);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no jni/" + libraryName + " for this platform");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readAllBytes();
            }
            Path dir = cacheRoot.resolve("trendcast-lambda-jni").resolve(sha256(bytes).substring(0, 16));
            Path target = dir.resolve(libraryName);
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, libraryName, ".part");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's native library from " + jar,
                    e);
        }
    }

    /** The name of the client's library for this JVM's OS, architecture and C library (glibc or musl). */
    static String libraryName() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new IllegalStateException("the Lambda runtime interface client has no native library "
                    + "for the architecture " + arch);
        };
        return "libaws-lambda-jni." + (musl() ? "linux_musl-" : "linux-") + cpu + ".so";
    }

    private static boolean musl() {
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException | SecurityException noLib) {
            return false;
        }
    }

    private static Path clientJar(Path ricDirectory) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(ricDirectory, JAR_PREFIX + "*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ricDirectory, e);
        }
        throw new IllegalStateException("no " + JAR_PREFIX + "*.jar in " + ricDirectory);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
