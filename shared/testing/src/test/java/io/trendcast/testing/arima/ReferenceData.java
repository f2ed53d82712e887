package io.trendcast.testing.arima;

import io.trendcast.core.series.TimeSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV files written by {@code src/test/r/arima_reference.R} (R 4, forecast 8.20, urca) from
 * {@code reference/arima/} on the test class path. Rows are maps from column name to text.
 */
final class ReferenceData {

    private ReferenceData() {
    }

    /** All rows of {@code reference/arima/<name>}. */
    static List<Map<String, String>> rows(String name) {
        String path = "/reference/arima/" + name;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            List<Map<String, String>> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = splitRow(line, header.length);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], f[i]);
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a row whose second field may itself contain commas (model strings such as {@code ARIMA(0,1,1)}): the
     * surplus fields are joined back into field 1.
     */
    private static String[] splitRow(String line, int columns) {
        String[] raw = line.split(",", -1);
        if (raw.length == columns) {
            return raw;
        }
        int extra = raw.length - columns;
        String[] out = new String[columns];
        out[0] = raw[0];
        out[1] = String.join(",", java.util.Arrays.copyOfRange(raw, 1, 2 + extra));
        System.arraycopy(raw, 2 + extra, out, 2, columns - 2);
        return out;
    }

    /** The input series of every case, in file order. */
    static Map<String, TimeSeries> series() {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, Integer> season = new LinkedHashMap<>();
        for (Map<String, String> row : rows("series.csv")) {
            values.computeIfAbsent(row.get("case"), k -> new ArrayList<>()).add(Double.parseDouble(row.get("value")));
            season.put(row.get("case"), Integer.parseInt(row.get("season")));
        }
        Map<String, TimeSeries> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            double[] x = new double[e.getValue().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = e.getValue().get(i);
            }
            out.put(e.getKey(), TimeSeries.of(e.getKey(), season.get(e.getKey()), x));
        }
        return out;
    }

    /** Parses a number written by R, where {@code NA} becomes NaN. */
    static double num(String s) {
        return "NA".equals(s) ? Double.NaN : Double.parseDouble(s);
    }
}
