import io.trendcast.core.select.Methods;
import io.trendcast.core.series.TimeSeries;
import java.nio.file.*; import java.util.*;
/**
 * ARIMA on long daily series against R: reads the series written by {@code bench/arima-daily-peer.sh} (series id,
 * t, value), fits {@code arima} (trendcast's auto.arima) to each three times and prints the mean milliseconds per
 * series of the last pass. Not a unit test. Argument: the CSV path.
 */
public class ArimaDaily { public static void main(String[] a) throws Exception {
  List<String> lines = Files.readAllLines(Path.of(a[0])); Map<String, List<Double>> m = new LinkedHashMap<>();
  for (String l : lines.subList(1, lines.size())) { String[] p = l.split(","); m.computeIfAbsent(p[0], k -> new ArrayList<>()).add(Double.parseDouble(p[2])); }
  List<TimeSeries> s = new ArrayList<>(); for (var e : m.entrySet()) s.add(TimeSeries.of(e.getKey(), 7, e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
  for (int rep = 0; rep < 3; rep++) { long t0 = System.nanoTime(); for (TimeSeries x : s) Methods.byName("arima").fit(x); if (rep == 2) System.out.printf("trendcast arima: %.0f ms per 730-day series%n", (System.nanoTime() - t0) / 1e6 / s.size()); }
}}
