package io.trendcast.testing.ets;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.model.ets.EtsForecaster;
import io.trendcast.core.series.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Bench, not a test: fits {@link EtsForecaster} to every M3 series and writes forecasts in the exchange format
 * ({@code series_id,method,step,mean,lo80,hi80,lo95,hi95}) for {@code /work/shared/tools/peer/score.py}, and
 * prints the mean fit+forecast time per series (wall and thread CPU, the latter
 * being the fair figure on a shared machine), single-threaded, after a JIT warm-up pass over the first series.
 *
 * <pre>
 * java -cp shared/core/target/classes:shared/testing/target/classes:shared/testing/target/test-classes \
 *     io.trendcast.testing.ets.EtsM3Harness ../shared/data/m3 /tmp/ets_m3.csv [models.csv]
 * </pre>
 */
public final class EtsM3Harness {

    private EtsM3Harness() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/m3");
        Path out = Path.of(args.length > 1 ? args[1] : "/tmp/ets_m3.csv");
        Path modelsOut = args.length > 2 ? Path.of(args[2]) : null;
        Map<String, int[]> meta = readMeta(dir.resolve("series_meta.csv"));
        Map<String, List<Double>> train = readTrain(dir.resolve("train.csv.gz"));
        List<TimeSeries> series = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : train.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            series.add(TimeSeries.of(e.getKey(), meta.get(e.getKey())[0], v));
        }
        EtsForecaster ets = EtsForecaster.defaults();
        int warm = Math.min(300, series.size());
        for (int i = 0; i < warm; i++) {
            run(ets, series.get(i), meta.get(series.get(i).id())[1]);
        }
        StringBuilder models = new StringBuilder("series_id,model\n");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        long totalCpu = 0;
        int failures = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("series_id,method,step,mean,lo80,hi80,lo95,hi95");
            for (TimeSeries s : series) {
                int h = meta.get(s.id())[1];
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                Forecast f = run(ets, s, h);
                totalCpu += threads.getCurrentThreadCpuTime() - c0;
                total += System.nanoTime() - t0;
                if (f == null) {
                    failures++;
                    continue;
                }
                models.append(s.id()).append(',').append(f.model()).append('\n');
                for (int t = 0; t < h; t++) {
                    w.printf(Locale.ROOT, "%s,ets,%d,%.6f,%.6f,%.6f,%.6f,%.6f%n", s.id(), t + 1, f.mean()[t],
                            f.lower()[0][t], f.upper()[0][t], f.lower()[1][t], f.upper()[1][t]);
                }
            }
        }
        if (modelsOut != null) {
            Files.writeString(modelsOut, models);
        }
        System.out.printf(Locale.ROOT, "%d series, %d failures, per series (fit + forecast): %.2f ms wall, "
                + "%.2f ms thread CPU%n", series.size(), failures, total / 1e6 / series.size(),
                totalCpu / 1e6 / series.size());
    }

    private static Forecast run(EtsForecaster ets, TimeSeries s, int h) {
        try {
            FittedModel model = ets.fit(s);
            return model.forecast(h, 80, 95);
        } catch (ModelException e) {
            System.err.println(s.id() + ": " + e.getMessage());
            return null;
        }
    }

    private static Map<String, int[]> readMeta(Path p) throws IOException {
        Map<String, int[]> meta = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(p);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            meta.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        return meta;
    }

    private static Map<String, List<Double>> readTrain(Path p) throws IOException {
        Map<String, List<Double>> train = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                train.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            }
        }
        return train;
    }
}
