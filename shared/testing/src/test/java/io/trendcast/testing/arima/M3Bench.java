package io.trendcast.testing.arima;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.model.arima.ArimaForecaster;
import io.trendcast.core.model.arima.ArimaModel;
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
 * Benchmark, not a test: fits automatic ARIMA to every M3 series single-threaded, writes the forecasts in the
 * scorer's long format and prints the average fit-and-forecast time (wall clock and thread CPU time, the latter
 * being meaningful on a shared machine) after a warm-up pass over the first series.
 *
 * <p>Usage: {@code M3Bench <m3-dir> <out.csv> [from:count]}; score with
 * {@code /work/shared/tools/peer/score.py}.
 */
public final class M3Bench {

    private M3Bench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String[] range = args.length > 2 ? args[2].split(":") : new String[] {"0", "100000"};
        int from = Integer.parseInt(range[0]);
        int limit = Integer.parseInt(range[range.length - 1]);
        Map<String, List<Double>> train = readTrain(dir.resolve("train.csv.gz"));
        Map<String, int[]> meta = readMeta(dir.resolve("series_meta.csv"));
        ArimaForecaster arima = ArimaForecaster.create();
        List<String> ids = new ArrayList<>(meta.keySet());
        ids = ids.subList(Math.min(from, ids.size()), Math.min(from + limit, ids.size()));
        int warm = Math.min(Integer.getInteger("warmup", 200), ids.size());
        for (int i = 0; i < warm; i++) {
            run(arima, ids.get(i), train, meta);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        long cpu = 0;
        int failures = 0;
        try (PrintWriter pw = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
             PrintWriter orders = new PrintWriter(Files.newBufferedWriter(
                     Path.of(out.toString().replace(".csv", "") + "_orders.csv"), StandardCharsets.UTF_8))) {
            pw.println("series_id,method,step,mean,lo80,hi80,lo95,hi95");
            orders.println("series_id,model,aicc");
            for (String id : ids) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                Object res = run(arima, id, train, meta);
                cpu += threads.getCurrentThreadCpuTime() - c0;
                total += System.nanoTime() - t0;
                if (res instanceof ArimaModel model) {
                    Forecast f = model.forecast(meta.get(id)[1], 80, 95);
                    orders.println(id + "," + model.description() + "," + model.aicc());
                    for (int t = 0; t < f.horizon(); t++) {
                        pw.printf(Locale.ROOT, "%s,arima,%d,%.6f,%.6f,%.6f,%.6f,%.6f%n", id, t + 1, f.mean()[t],
                                f.lower()[0][t], f.upper()[0][t], f.lower()[1][t], f.upper()[1][t]);
                    }
                } else {
                    failures++;
                    System.err.println(id + ": " + res);
                }
            }
        }
        System.out.printf(Locale.ROOT, "series=%d failures=%d mean_wall_ms=%.2f mean_cpu_ms=%.2f%n", ids.size(),
                failures, total / 1e6 / ids.size(), cpu / 1e6 / ids.size());
    }

    private static Object run(ArimaForecaster arima, String id, Map<String, List<Double>> train,
                              Map<String, int[]> meta) {
        List<Double> v = train.get(id);
        double[] x = new double[v.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = v.get(i);
        }
        try {
            ArimaModel model = arima.fit(TimeSeries.of(id, meta.get(id)[0], x));
            model.forecast(meta.get(id)[1], 80, 95);
            return model;
        } catch (ModelException e) {
            return e.getMessage();
        }
    }

    private static Map<String, List<Double>> readTrain(Path p) throws IOException {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                m.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            }
        }
        return m;
    }

    private static Map<String, int[]> readMeta(Path p) throws IOException {
        Map<String, int[]> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(p);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        return m;
    }
}
