package io.trendcast.testing.theta;

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
 * Reads the R reference tables under {@code reference/theta/}, produced by {@code src/test/r/theta_reference.R}
 * with R 4 and forecast 8.20 (see the script header for the exact calls).
 */
final class Reference {

    private Reference() {
    }

    /** Rows of a reference table as column name to text; {@code NA} stays {@code "NA"}. */
    static List<Map<String, String>> table(String name) {
        String path = "/reference/theta/" + name;
        try (InputStream in = Reference.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], f[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a table for one series. */
    static List<Map<String, String>> rows(String name, String seriesId) {
        return table(name).stream().filter(r -> r.get("series_id").equals(seriesId)).toList();
    }

    /** A numeric column, {@code NA} as {@code NaN}. */
    static double[] column(List<Map<String, String>> rows, String column) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            String v = rows.get(i).get(column);
            out[i] = "NA".equals(v) ? Double.NaN : Double.parseDouble(v);
        }
        return out;
    }

    /** The input series {@code id} from {@code series.csv}. */
    static TimeSeries series(String id) {
        List<Map<String, String>> rows = rows("series.csv", id);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no reference series " + id);
        }
        int season = Integer.parseInt(rows.get(0).get("season"));
        return TimeSeries.of(id, season, column(rows, "value"));
    }

    /** Distinct series ids of a table, in order of appearance. */
    static List<String> ids(String name) {
        return table(name).stream().map(r -> r.get("series_id")).distinct().toList();
    }
}
