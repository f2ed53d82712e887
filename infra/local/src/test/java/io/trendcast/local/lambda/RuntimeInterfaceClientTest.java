package io.trendcast.local.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's native library is unpacked once per content, atomically, wherever many JVMs ask at once. */
class RuntimeInterfaceClientTest {

    @TempDir
    Path cache;

    @Test
    void libraryIsUnpackedOnceIntoAContentNamedDirectoryEvenWhenAskedConcurrently() throws Exception {
        String name = RuntimeInterfaceClient.libraryName();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Path>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> RuntimeInterfaceClient.nativeLibrary(
                        RuntimeInterfaceClient.directory(), cache, name)));
            }
            Set<Path> paths = new HashSet<>();
            for (Future<Path> answer : answers) {
                paths.add(answer.get());
            }
            assertEquals(1, paths.size(), paths.toString());
            Path library = paths.iterator().next();
            assertEquals(name, library.getFileName().toString());
            assertArrayEquals(jarEntry(name), Files.readAllBytes(library));
            try (var files = Files.list(library.getParent())) {
                assertEquals(List.of(library), files.toList(), "no temporary file is left behind");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void platformLibraryNameIsOneTheClientShips() throws Exception {
        String name = RuntimeInterfaceClient.libraryName();
        assertTrue(name.matches("libaws-lambda-jni\\.linux(_musl)?-(x86_64|aarch_64)\\.so"), name);
        assertTrue(jarEntry(name).length > 100_000, name);
    }

    @Test
    void aLibraryTheJarLacksIsAClearError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> RuntimeInterfaceClient.nativeLibrary(RuntimeInterfaceClient.directory(), cache, "libnone.so"));
        assertTrue(error.getMessage().contains("jni/libnone.so"), error.getMessage());
    }

    private static byte[] jarEntry(String name) throws Exception {
        try (var jars = Files.newDirectoryStream(RuntimeInterfaceClient.directory(),
                "aws-lambda-java-runtime-interface-client-*.jar")) {
            Path jar = jars.iterator().next();
            try (ZipFile zip = new ZipFile(jar.toFile());
                 InputStream in = zip.getInputStream(zip.getEntry("jni/" + name))) {
                return in.readAllBytes();
            }
        }
    }
}
