package io.trendcast.local.cli;

import io.trendcast.core.exchange.ExchangeReader;
import io.trendcast.core.exchange.ExchangeSeries;
import io.trendcast.core.exchange.SeriesMeta;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.select.Methods;
import io.trendcast.core.series.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trendcast bench}: fit + forecast time per series, single-threaded, after a warm-up pass, for each
 * method; with {@code --peer-timings} (the {@code method,series,seconds} file of {@code peer_forecast.R}) it
 * prints the ratio against the peer on the same series.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures fit+forecast time per series for each method, single-threaded after warm-up.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "series_id,date,value (.gz allowed)")
    Path input;

    @Option(names = "--meta", required = true, description = "series_meta.csv: series_id,season,horizon")
    Path meta;

    @Option(names = "--methods", split = ",", defaultValue = "ets,arima,theta,auto", description = "methods")
    List<String> methods;

    @Option(names = "--limit", defaultValue = "0", description = "first N series only (0: all)")
    int limit;

    @Option(names = "--warmup", defaultValue = "300", description = "series fitted per method before timing")
    int warmup;

    @Option(names = "--peer-timings", description = "peer timings CSV method,series,seconds")
    Path peerTimings;

    @Override
    public Integer call() throws IOException {
        List<ExchangeSeries> all = ExchangeReader.read(input).series();
        Map<String, SeriesMeta> metas = SeriesMeta.read(meta);
        List<TimeSeries> series = new ArrayList<>();
        List<Integer> horizons = new ArrayList<>();
        for (ExchangeSeries es : all) {
            SeriesMeta m = metas.get(es.series().id());
            if (m != null && (limit <= 0 || series.size() < limit)) {
                series.add(es.series().withSeason(m.season()));
                horizons.add(m.horizon());
            }
        }
        Map<String, Map<String, Double>> peer = peerTimings == null ? Map.of() : readTimings(peerTimings);
        System.out.printf("%-8s %7s %12s %10s %10s %10s %14s %10s%n", "method", "series", "mean_ms", "p50_ms",
                "p95_ms", "max_ms", "peer_mean_ms", "speedup");
        for (String name : methods) {
            Forecaster f = Methods.byName(name.trim());
            for (int i = 0; i < Math.min(warmup, series.size()); i++) {
                run(f, series.get(i), horizons.get(i));
            }
            double[] ms = new double[series.size()];
            double peerSum = 0;
            double oursOnPeer = 0;
            int peerN = 0;
            Map<String, Double> pm = peer.getOrDefault(name, Map.of());
            for (int i = 0; i < series.size(); i++) {
                long t0 = System.nanoTime();
                run(f, series.get(i), horizons.get(i));
                ms[i] = (System.nanoTime() - t0) / 1e6;
                Double p = pm.get(series.get(i).id());
                if (p != null) {
                    peerSum += p * 1000;
                    oursOnPeer += ms[i];
                    peerN++;
                }
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(ms).average().orElse(Double.NaN);
            String peerCol = peerN == 0 ? "-" : String.format("%.2f", peerSum / peerN);
            String ratio = peerN == 0 ? "-" : String.format("%.1fx", (peerSum / peerN) / (oursOnPeer / peerN));
            System.out.printf("%-8s %7d %12.3f %10.3f %10.3f %10.3f %14s %10s%n", name, ms.length, mean,
                    sorted[sorted.length / 2], sorted[(int) (0.95 * (sorted.length - 1))], sorted[sorted.length - 1],
                    peerCol, ratio);
        }
        return 0;
    }

    private static void run(Forecaster f, TimeSeries s, int h) {
        try {
            f.fit(s, h).forecast(h, 80, 95);
        } catch (RuntimeException e) {
            // a failing fit costs its time like any other; the forecast command reports failures
        }
    }

    private static Map<String, Map<String, Double>> readTimings(Path path) throws IOException {
        Map<String, Map<String, Double>> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(path)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length >= 3) {
                    out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Double.parseDouble(f[2]));
                }
            }
        }
        return out;
    }
}
