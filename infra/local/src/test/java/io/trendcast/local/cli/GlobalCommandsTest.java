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

/** {@code trendcast forecast --methods global,auto} with covariates and a future file, and {@code analyze}. */
class GlobalCommandsTest {

    private static final int H = 6;

    @TempDir
    Path dir;

    private int run(String... args) {
        return new CommandLine(new TrendcastCommand()).execute(args);
    }

    /**
     * 12 weekly series; sales double in promotion weeks. The future file puts a promotion on step 3 of every series,
     * so the global model must forecast a peak there.
     */
    private void writeFiles(Path train, Path future) throws IOException {
        Random r = new Random(7);
        StringBuilder tr = new StringBuilder("series_id,date,value,promo\n");
        StringBuilder fu = new StringBuilder("series_id,date,promo\n");
        LocalDate start = LocalDate.of(2022, 1, 3);
        for (int s = 0; s < 12; s++) {
            double level = 50 + 10 * s;
            for (int t = 0; t < 100; t++) {
                int promo = r.nextInt(5) == 0 ? 1 : 0;
                double v = level * (1 + promo) * (1 + 0.03 * r.nextGaussian());
                tr.append("s").append(s).append(',').append(start.plusWeeks(t)).append(',').append(v).append(',')
                        .append(promo).append('\n');
            }
            for (int k = 0; k < H; k++) {
                fu.append("s").append(s).append(',').append(start.plusWeeks(100 + k)).append(',')
                        .append(k == 2 ? 1 : 0).append('\n');
            }
        }
        Files.writeString(train, tr);
        Files.writeString(future, fu);
    }

    @Test
    void globalModelReadsCovariatesAndTheFutureFile() throws IOException {
        Path train = dir.resolve("train.csv");
        Path future = dir.resolve("future.csv");
        writeFiles(train, future);
        Path out = dir.resolve("f.csv");
        Path artifact = dir.resolve("model.tcg");
        assertEquals(0, run("forecast", "--input", train.toString(), "--future", future.toString(), "--horizon",
                String.valueOf(H), "--season", "52", "--methods", "global,auto", "--global-trees", "40",
                "--global-artifact", artifact.toString(), "--out", out.toString(), "--threads", "1"));
        Map<String, double[]> global = read(out, "global");
        assertEquals(12, global.size());
        for (Map.Entry<String, double[]> e : global.entrySet()) {
            double[] m = e.getValue();
            double others = (m[0] + m[1] + m[3] + m[4] + m[5]) / 5;
            assertTrue(m[2] > 1.5 * others, e.getKey() + ": promotion week " + m[2] + " vs " + others);
        }
        assertEquals(12, read(out, "auto").size());
        assertTrue(Files.size(artifact) > 1000, "artifact written");
        Path again = dir.resolve("g.csv");
        assertEquals(0, run("forecast", "--input", train.toString(), "--future", future.toString(), "--horizon",
                String.valueOf(H), "--season", "52", "--methods", "global", "--global-artifact", artifact.toString(),
                "--out", again.toString(), "--threads", "1"));
        Map<String, double[]> reloaded = read(again, "global");
        for (String id : global.keySet()) {
            assertTrue(java.util.Arrays.equals(global.get(id), reloaded.get(id)), id + " reproduced after reload");
        }
    }

    /**
     * Items with a single sale cannot be read as weekly, so they form a group of their own, too short for any
     * feature row: that group gets no global model, and the 12 weekly series keep theirs (it used to fail the whole
     * global stage, every series falling back).
     */
    @Test
    void aGroupThatCannotBeFittedCostsOnlyItsOwnSeriesTheGlobalModel() throws IOException {
        Path train = dir.resolve("train.csv");
        writeFiles(train, dir.resolve("future.csv"));
        StringBuilder single = new StringBuilder();
        for (int s = 0; s < 6; s++) {
            single.append("new").append(s).append(',').append(LocalDate.of(2022, 1, 3).plusWeeks(99)).append(",3,0\n");
        }
        Files.writeString(train, single, java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("f.csv");
        assertEquals(0, run("forecast", "--input", train.toString(), "--horizon", String.valueOf(H), "--season", "52",
                "--methods", "global,auto", "--global-trees", "20", "--out", out.toString(), "--threads", "1"));
        Map<String, String> model = new HashMap<>();
        for (String row : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
            String[] f = row.split(",", 9);
            if (f[1].equals("global")) {
                model.put(f[0], f[8].replace("\"", ""));
            }
        }
        assertEquals(18, model.size());
        for (int s = 0; s < 12; s++) {
            assertTrue(model.get("s" + s).startsWith("global("), "s" + s + ": " + model.get("s" + s));
        }
        for (int s = 0; s < 6; s++) {
            assertTrue(model.get("new" + s).startsWith("fallback"), "new" + s + ": " + model.get("new" + s));
        }
    }

    @Test
    void analyzePrintsTheDriverReport() throws IOException {
        Path train = dir.resolve("train.csv");
        writeFiles(train, dir.resolve("future.csv"));
        Path json = dir.resolve("report.json");
        assertEquals(0, run("analyze", "--input", train.toString(), "--season", "52", "--top", "2", "--threads", "1",
                "--out", json.toString()));
        String s = Files.readString(json);
        assertTrue(s.startsWith("{\"series\":12,\"rows\":1200,\"correlations\":[{\"driver\":\"promo\",\"r\":0.9"), s);
        assertTrue(s.contains("\"effects\":[{\"driver\":\"promo\",\"estimate\":0.69"), "log 2 lift: " + s);
        assertTrue(s.contains("\"importance\":{\"s10\":{"), s);
    }

    private static Map<String, double[]> read(Path out, String method) throws IOException {
        Map<String, double[]> m = new HashMap<>();
        List<String> rows = Files.readAllLines(out);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (f[1].equals(method)) {
                m.computeIfAbsent(f[0], k -> new double[H])[Integer.parseInt(f[2]) - 1] = Double.parseDouble(f[3]);
            }
        }
        return m;
    }
}
