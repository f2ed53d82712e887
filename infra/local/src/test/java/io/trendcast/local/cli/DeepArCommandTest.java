package io.trendcast.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code trendcast forecast --methods deepar,auto --deepar} on a batch holding an item first sold on its last day:
 * DeepAR is fitted on the other series and serves them; the one-value series gets the fallback for {@code deepar}
 * and a local forecast from {@code auto}, instead of one short series dropping DeepAR for the whole batch.
 */
class DeepArCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSeriesTooShortForDeepArIsLeftToTheOtherMethods() throws IOException {
        Random r = new Random(3);
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int s = 0; s < 6; s++) {
            for (int t = 0; t < 90; t++) {
                double weekend = start.plusDays(t).getDayOfWeek().getValue() >= 6 ? 1.5 : 1;
                csv.append('s').append(s).append(',').append(start.plusDays(t)).append(',')
                        .append((20 + 5 * s) * weekend + r.nextGaussian()).append('\n');
            }
        }
        csv.append("new,").append(start.plusDays(89)).append(",3\n");
        Path in = dir.resolve("sales.csv");
        Files.writeString(in, csv);
        Path out = dir.resolve("f.csv");
        assertEquals(0, new CommandLine(new TrendcastCommand()).execute("forecast", "--input", in.toString(),
                "--horizon", "7", "--methods", "deepar,auto", "--deepar", "--deepar-epochs", "2",
                "--deepar-min-epochs", "1", "--deepar-hidden", "8", "--deepar-layers", "1", "--deepar-batches", "5",
                "--deepar-paths", "20", "--out", out.toString(), "--threads", "1"));
        Map<String, String> deepar = new HashMap<>();
        Map<String, String> auto = new HashMap<>();
        for (String line : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
            List<String> f = List.of(line.split(",", 9));
            (f.get(1).equals("deepar") ? deepar : auto).put(f.get(0), f.get(8).replace("\"", ""));
        }
        assertEquals(7, deepar.size());
        assertEquals(7, auto.size());
        for (int s = 0; s < 6; s++) {
            assertTrue(deepar.get("s" + s).startsWith("deepar("), "s" + s + ": " + deepar.get("s" + s));
        }
        assertTrue(deepar.get("new").startsWith("fallback"), deepar.get("new"));
        assertTrue(!auto.get("new").contains("deepar"), auto.get("new"));
    }
}
