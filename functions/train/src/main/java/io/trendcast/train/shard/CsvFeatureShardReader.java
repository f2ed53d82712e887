package io.trendcast.train.shard;

import io.trendcast.core.port.SeriesKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link FeatureShardReader} of the agreed shard CSV: UTF-8, header row, comma-separated, fields quoted per RFC
 * 4180 when they hold a comma or a quote. Columns are found by name, so extra covariate columns are passed over.
 * Rows of one series may come in any order; an empty quantity is a missing value.
 *
 * <p>Stands in for the ingest engineer's {@code FeatureShard} reader until that one is in core.
 */
public final class CsvFeatureShardReader implements FeatureShardReader {

    private static final String[] REQUIRED = {"series_key", "item", "store", "date", "quantity"};

    @Override
    public List<ShardSeries> read(InputStream in, String name) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String header = reader.readLine();
            if (header == null) {
                throw new ShardFormatException(name + ": empty shard, expected a header row");
            }
            int[] col = columns(CsvLine.split(header.replace("\uFEFF", ""), name, 1), name);
            Map<String, Builder> series = new LinkedHashMap<>();
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvLine.split(line, name, lineNo);
                if (f.size() <= col[4] || f.size() <= col[3]) {
                    throw new ShardFormatException(name + " line " + lineNo + ": " + f.size() + " fields, expected "
                            + "at least " + (Math.max(col[3], col[4]) + 1));
                }
                Builder builder = series.get(f.get(col[0]));
                if (builder == null) {
                    builder = new Builder(key(f.get(col[1]), f.get(col[2]), name, lineNo));
                    series.put(f.get(col[0]), builder);
                }
                builder.add(date(f.get(col[3]), name, lineNo), quantity(f.get(col[4]), name, lineNo));
            }
            List<ShardSeries> out = new ArrayList<>(series.size());
            for (Map.Entry<String, Builder> e : series.entrySet()) {
                out.add(e.getValue().build(e.getKey(), name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read shard: " + e.getMessage(), e);
        }
    }

    private static int[] columns(List<String> header, String name) {
        int[] col = new int[REQUIRED.length];
        for (int i = 0; i < REQUIRED.length; i++) {
            col[i] = header.indexOf(REQUIRED[i]);
            if (col[i] < 0) {
                throw new ShardFormatException(name + ": header lacks column '" + REQUIRED[i] + "' (has " + header
                        + "); expected series_key,item,store,date,quantity,price,promo,on_hand[,covariates]");
            }
        }
        return col;
    }

    private static SeriesKey key(String item, String store, String name, int line) {
        if (item.isEmpty()) {
            throw new ShardFormatException(name + " line " + line + ": empty item");
        }
        return SeriesKey.of(item, store);
    }

    private static LocalDate date(String value, String name, int line) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ShardFormatException(name + " line " + line + ": date '" + value + "' is not yyyy-MM-dd", e);
        }
    }

    private static double quantity(String value, String name, int line) {
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            double q = Double.parseDouble(value);
            if (!Double.isFinite(q)) {
                throw new NumberFormatException("not finite");
            }
            return q;
        } catch (NumberFormatException e) {
            throw new ShardFormatException(name + " line " + line + ": quantity '" + value + "' is not a number", e);
        }
    }

    /** Collects the rows of one series. */
    private static final class Builder {
        private final SeriesKey key;
        private final Map<LocalDate, Double> byDate = new TreeMap<>();

        Builder(SeriesKey key) {
            this.key = key;
        }

        void add(LocalDate date, double quantity) {
            byDate.put(date, quantity);
        }

        ShardSeries build(String seriesKey, String name) {
            double[] q = new double[byDate.size()];
            int i = 0;
            for (double v : byDate.values()) {
                q[i++] = v;
            }
            if (q.length == 0) {
                throw new ShardFormatException(name + ": series '" + seriesKey + "' has no rows");
            }
            return new ShardSeries(key, new ArrayList<>(byDate.keySet()), q);
        }
    }
}
