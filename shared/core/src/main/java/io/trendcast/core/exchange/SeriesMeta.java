package io.trendcast.core.exchange;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-series forecasting settings from {@code series_meta.csv} ({@code series_id,season,horizon[,…]}).
 *
 * @param season  seasonal period, at least 1
 * @param horizon number of steps to forecast, at least 1
 */
public record SeriesMeta(int season, int horizon) {

    public SeriesMeta {
        if (season < 1 || horizon < 1) {
            throw new IllegalArgumentException("season and horizon must be at least 1, were " + season + " and "
                    + horizon);
        }
    }

    /**
     * Reads a metadata file into a map by series id.
     *
     * @throws ExchangeFormatException naming the line of a bad or duplicated row
     */
    public static Map<String, SeriesMeta> read(Path path) {
        Map<String, SeriesMeta> out = new HashMap<>();
        try (CsvReader csv = CsvReader.open(path)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new ExchangeFormatException(csv.source(), 0, "the file is empty; expected a header "
                        + "series_id,season,horizon");
            }
            int id = index(header, "series_id", csv);
            int season = index(header, "season", csv);
            int horizon = index(header, "horizon", csv);
            List<String> rec;
            while ((rec = csv.next()) != null) {
                long line = csv.recordLine();
                if (rec.size() != header.size()) {
                    throw new ExchangeFormatException(csv.source(), line, "expected " + header.size() + " fields");
                }
                int m = positive(rec.get(season), "season", csv, line);
                int h = positive(rec.get(horizon), "horizon", csv, line);
                if (out.put(rec.get(id).trim(), new SeriesMeta(m, h)) != null) {
                    throw new ExchangeFormatException(csv.source(), line, "series '" + rec.get(id).trim()
                            + "' appears twice");
                }
            }
        }
        return out;
    }

    private static int index(List<String> header, String name, CsvReader csv) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).trim().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new ExchangeFormatException(csv.source(), 1, "required column '" + name + "' is missing");
    }

    private static int positive(String text, String column, CsvReader csv, long line) {
        String s = text.trim();
        if (!ExchangeReader.isInteger(s) || Long.parseLong(s) < 1 || Long.parseLong(s) > 100_000) {
            throw new ExchangeFormatException(csv.source(), line, column + " '" + text + "' must be a whole "
                    + "number from 1 to 100000");
        }
        return Integer.parseInt(s);
    }
}
