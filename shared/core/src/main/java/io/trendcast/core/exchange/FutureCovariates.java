package io.trendcast.core.exchange;

import io.trendcast.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The future-covariates file of {@code trendcast forecast --future}: {@code series_id,date,<covariate columns>}
 * with the drivers' planned values for the forecast dates (FORMATS.md §3).
 *
 * @param names covariate column names, in file order
 * @param rows  per series, per position (epoch day or period index), the covariate values
 */
public record FutureCovariates(List<String> names, Map<String, Map<Long, double[]>> rows) {

    public FutureCovariates {
        names = List.copyOf(names);
        rows = Map.copyOf(rows);
    }

    /** No future values. */
    public static FutureCovariates none() {
        return new FutureCovariates(List.of(), Map.of());
    }

    /**
     * Reads a plain or gzipped file.
     *
     * @throws ExchangeFormatException naming the line of the first unreadable value
     */
    public static FutureCovariates read(Path path) {
        try (CsvReader csv = CsvReader.open(path)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new ExchangeFormatException(csv.source(), 0, "the file is empty; expected series_id,date,…");
            }
            int idCol = -1;
            int dateCol = -1;
            List<Integer> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c).trim();
                if (h.equalsIgnoreCase("series_id")) {
                    idCol = c;
                } else if (h.equalsIgnoreCase("date")) {
                    dateCol = c;
                } else if (!h.equalsIgnoreCase("value")) {
                    cols.add(c);
                    names.add(h);
                }
            }
            if (idCol < 0 || dateCol < 0) {
                throw new ExchangeFormatException(csv.source(), 1, "columns series_id and date are required; header "
                        + "is " + String.join(",", header));
            }
            Map<String, Map<Long, double[]>> rows = new HashMap<>();
            List<String> rec;
            while ((rec = csv.next()) != null) {
                long line = csv.recordLine();
                if (rec.size() != header.size()) {
                    throw new ExchangeFormatException(csv.source(), line, "expected " + header.size()
                            + " fields as in the header, found " + rec.size());
                }
                String text = rec.get(dateCol).trim();
                long pos;
                if (ExchangeReader.isInteger(text)) {
                    pos = Long.parseLong(text);
                } else {
                    try {
                        pos = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toEpochDay();
                    } catch (DateTimeParseException e) {
                        throw new ExchangeFormatException(csv.source(), line, "date '" + text + "' is neither an ISO "
                                + "date nor an integer period index");
                    }
                }
                double[] v = new double[cols.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = ExchangeReader.number(rec.get(cols.get(j)), names.get(j), csv.source(), line);
                }
                rows.computeIfAbsent(rec.get(idCol).trim(), k -> new HashMap<>()).put(pos, v);
            }
            return new FutureCovariates(names, rows);
        }
    }

    /**
     * The covariates of {@code es} over its history and {@code horizon} further periods, in the order of
     * {@code columns}: history values from the input file, future values from this file, NaN where neither has one.
     */
    public double[][] extend(ExchangeSeries es, List<String> inputNames, List<String> columns, int horizon) {
        TimeSeries s = es.series();
        int n = s.length();
        double[][] out = new double[columns.size()][n + horizon];
        Map<Long, double[]> fut = rows.getOrDefault(s.id(), Map.of());
        for (int j = 0; j < columns.size(); j++) {
            Arrays.fill(out[j], Double.NaN);
            int in = inputNames.indexOf(columns.get(j));
            if (in >= 0) {
                System.arraycopy(es.covariates()[in], 0, out[j], 0, Math.min(n, es.covariates()[in].length));
            }
            int fj = names.indexOf(columns.get(j));
            if (fj >= 0) {
                for (int t = 0; t < n + horizon; t++) {
                    double[] v = fut.get(s.positionAt(t));
                    if (v != null && (t >= n || Double.isNaN(out[j][t]))) {
                        out[j][t] = v[fj];
                    }
                }
            }
        }
        return out;
    }
}
