package io.trendcast.api;

import org.junit.jupiter.api.Test;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Build check on the packaged function ({@code target/function.zip}, run by Failsafe after packaging): no class of
 * the training code ({@code io/trendcast/core/model/}, {@code …/select/}, {@code …/eval/}…) is in it, at the top
 * level or inside any of its jars, while the ports it needs are.
 */
class PackagedArtifactIT {

    private static final List<String> TRAINING_PACKAGES = List.of("io/trendcast/core/model/",
            "io/trendcast/core/select/", "io/trendcast/core/eval/", "io/trendcast/core/prepare/",
            "io/trendcast/core/decompose/", "io/trendcast/core/optim/", "io/trendcast/core/exchange/",
            "io/trendcast/core/anomaly/", "io/trendcast/core/trend/", "io/trendcast/core/chart/");

    @Test
    void theFunctionZipHoldsNoTrainingCode() throws IOException {
        Path zip = Path.of("target/function.zip");
        assertTrue(Files.isRegularFile(zip), zip.toAbsolutePath() + " missing; run 'verify', not 'test'");
        List<String> found = new ArrayList<>();
        boolean[] ports = {false};
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            scan(in, "", found, ports);
        }
        assertEquals(List.of(), found, "training classes in the api function");
        assertTrue(ports[0], "io/trendcast/core/port/StoredForecast.class should be packaged");
    }

    private static void scan(ZipInputStream in, String where, List<String> found, boolean[] ports)
            throws IOException {
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            String name = entry.getName();
            if (name.endsWith(".jar")) {
                scan(new ZipInputStream(nonClosing(in)), where + name + "!/", found, ports);
            } else if (TRAINING_PACKAGES.stream().anyMatch(name::startsWith)) {
                found.add(where + name);
            } else if (name.equals("io/trendcast/core/port/StoredForecast.class")) {
                ports[0] = true;
            }
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the outer zip stream stays open for the next entry
            }
        };
    }
}
