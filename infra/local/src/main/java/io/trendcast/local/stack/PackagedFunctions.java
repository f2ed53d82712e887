package io.trendcast.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The functions as Quarkus packages them: {@code <module>/target/function.zip} of the checkout, unpacked under
 * {@code <dataDir>/functions/<name>} (again whenever the zip changes), as Lambda unpacks it to {@code /var/task}:
 * {@code lib/*.jar} as they are, and the zip's root (the application's classes and resources, which Lambda puts
 * on the class path as the directory {@code /var/task}) as {@code app.jar}, the same classes in a jar. A class
 * path of jars only lets the JVM keep a class-data-sharing archive ({@code classes.jsa}, written when the
 * function's first JVM exits, read by every later start): it stands in locally for the SnapStart snapshot that
 * makes cold starts fast on AWS. A container-image function ({@code deeptrain}) runs from its module's
 * {@code target/<name>.jar} and {@code target/lib}, what its Dockerfile copies into the image.
 */
public final class PackagedFunctions implements FunctionCode {

    /** The zip's root entries, as a jar. */
    static final String APP_JAR = "app.jar";
    /** The class-data-sharing archive of the function's JVM. */
    static final String ARCHIVE = "classes.jsa";

    private final Path repoRoot;
    private final Path unpackRoot;

    public PackagedFunctions(Path repoRoot, Path unpackRoot) {
        this.repoRoot = repoRoot;
        this.unpackRoot = unpackRoot;
    }

    /** The zip of a function in the checkout. */
    public Path zip(FunctionDefinition function) {
        return repoRoot.resolve(function.module()).resolve("target/function.zip");
    }

    /**
     * The jar of a container-image function in the checkout ({@code <module>/target/<name>.jar}); its dependencies
     * are in {@code target/lib}, the layout its Dockerfile copies to {@code /var/task/lib}.
     */
    public Path imageJar(FunctionDefinition function) {
        return repoRoot.resolve(function.module()).resolve("target").resolve(function.name() + ".jar");
    }

    @Override
    public Optional<Code> locate(FunctionDefinition function) {
        if (StackDefinition.IMAGE_FUNCTIONS.contains(function)) {
            return locateImage(function);
        }
        Path zip = zip(function);
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        Path target = unpackRoot.resolve(function.name());
        List<Path> classPath = new ArrayList<>();
        try {
            String stamp = Files.size(zip) + "@" + Files.getLastModifiedTime(zip).toMillis();
            Path marker = target.resolve(".unpacked-from");
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(stamp)) {
                unpack(zip, target);
                Files.writeString(marker, stamp);
            }
            classPath.add(target.resolve(APP_JAR));
            Path lib = target.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted()
                            .forEach(classPath::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " to " + target, e);
        }
        return Optional.of(new Code(classPath, FunctionDefinition.QUARKUS_HANDLER,
                Optional.of(target.resolve(ARCHIVE))));
    }

    /**
     * An image function runs from the module's build output in place, as its image's Java runtime would run it:
     * the jar and {@code target/lib/*.jar} on the class path, the Dockerfile's handler.
     */
    private Optional<Code> locateImage(FunctionDefinition function) {
        Path jar = imageJar(function);
        Path lib = jar.resolveSibling("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            return Optional.empty();
        }
        List<Path> classPath = new ArrayList<>(List.of(jar));
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().forEach(classPath::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
        return Optional.of(new Code(classPath, StackDefinition.DEEPTRAIN_HANDLER));
    }

    private static void unpack(Path zip, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in);
             ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(target.resolve(APP_JAR)))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (!entry.getName().startsWith("lib/")) {
                    app.putNextEntry(new ZipEntry(entry.getName()));
                    entries.transferTo(app);
                    app.closeEntry();
                } else if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
