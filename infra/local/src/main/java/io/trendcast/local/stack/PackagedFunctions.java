package io.trendcast.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The functions as Quarkus packages them: {@code <module>/target/function.zip} of the checkout, unpacked under
 * {@code <dataDir>/functions/<name>} (again whenever the zip changes), as Lambda unpacks it to
 * {@code /var/task}.
 */
public final class PackagedFunctions implements FunctionCode {

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

    @Override
    public Optional<Code> locate(FunctionDefinition function) {
        Path zip = zip(function);
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        Path target = unpackRoot.resolve(function.name());
        try {
            String stamp = Files.size(zip) + "@" + Files.getLastModifiedTime(zip).toMillis();
            Path marker = target.resolve(".unpacked-from");
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(stamp)) {
                unpack(zip, target);
                Files.writeString(marker, stamp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " to " + target, e);
        }
        return Optional.of(new Code(List.of(target), FunctionDefinition.QUARKUS_HANDLER));
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
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
