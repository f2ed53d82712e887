package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The row format of seller histories ({@code datasets/{seller}/history-v{N}.csv.gz}) and feature shards
 * ({@link FeatureShard}): UTF-8 CSV, comma-delimited, LF line ends, header
 * {@code series_key,item,store,date,quantity,price,promo,on_hand} followed by the covariate columns. Rows are
 * sorted by series ({@link SeriesOrder}) then date. {@code series_key} is {@link SeriesKey#encode()}; {@code store}
 * is empty for a series without store; {@code date} is ISO {@code yyyy-MM-dd}; an empty number is a missing value;
 * {@code promo} is 0 or 1. Ids are quoted per RFC 4180 when they hold a comma or a quote. Compression, if any, is
 * the caller's.
 */
public final class SalesCsv {

    /** The fixed leading columns. */
    public static final List<String> FIXED_COLUMNS =
            List.of("series_key", "item", "store", "date", "quantity", "price", "promo", "on_hand");

    private SalesCsv() {
    }

    /** A value quoted per RFC 4180 when it holds a comma, a quote or a line break. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Writes rows; the header is written on construction. Closing closes the stream. */
    public static final class Writer implements AutoCloseable {
        private final BufferedWriter out;
        private final int covariates;
        private SeriesKey lastKey;
        private String lastPrefix;

        public Writer(OutputStream out, List<String> covariateNames) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            this.covariates = covariateNames.size();
            List<String> header = new ArrayList<>(FIXED_COLUMNS);
            header.addAll(covariateNames);
            line(String.join(",", header.stream().map(SalesCsv::quote).toList()));
        }

        /** Writes one row; the cell's covariates must follow the names given at construction. */
        public void write(SalesCell cell) {
            if (cell.series() != lastKey) {
                lastKey = cell.series();
                lastPrefix = quote(lastKey.encode()) + "," + quote(lastKey.item()) + ","
                        + (lastKey.store() == null ? "" : quote(lastKey.store())) + ",";
            }
            StringBuilder row = new StringBuilder(lastPrefix.length() + 64).append(lastPrefix)
                    .append(cell.date()).append(',').append(number(cell.quantity())).append(',')
                    .append(number(cell.price())).append(',').append(number(cell.promo())).append(',')
                    .append(number(cell.onHand()));
            double[] cov = cell.covariates();
            for (int c = 0; c < covariates; c++) {
                row.append(',').append(c < cov.length ? number(cov[c]) : "");
            }
            line(row.toString());
        }

        private void line(String s) {
            try {
                out.write(s);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write sales rows: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish sales rows: " + e.getMessage(), e);
            }
        }
    }

    /** Reads rows as a {@link CellStream}; closing closes the stream. */
    public static final class Reader implements CellStream {
        private final BufferedReader in;
        private final String source;
        private final List<String> covariates;
        private final Fields fields = new Fields();
        private long line;
        private String lastKeyText;
        private SeriesKey lastKey;

        /**
         * Opens rows written by {@link Writer}.
         *
         * @param source names the data in error messages, e.g. the object key
         * @throws SalesFormatException when the header is not this format's
         */
        public Reader(InputStream in, String source) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            this.source = source;
            List<String> header = split(readLine());
            if (header.size() < FIXED_COLUMNS.size() || !header.subList(0, FIXED_COLUMNS.size()).equals(FIXED_COLUMNS)) {
                throw new SalesFormatException(source + ": header " + header + " does not start with "
                        + FIXED_COLUMNS);
            }
            this.covariates = List.copyOf(header.subList(FIXED_COLUMNS.size(), header.size()));
        }

        @Override
        public List<String> covariates() {
            return covariates;
        }

        @Override
        public SalesCell next() {
            String text = readLine();
            if (text == null) {
                return null;
            }
            List<String> f = split(text);
            if (f.size() != FIXED_COLUMNS.size() + covariates.size()) {
                throw new SalesFormatException(source + " line " + line + ": " + f.size() + " fields, expected "
                        + (FIXED_COLUMNS.size() + covariates.size()));
            }
            try {
                if (!f.get(0).equals(lastKeyText)) {
                    lastKeyText = f.get(0);
                    lastKey = SeriesKey.of(f.get(1), f.get(2));
                }
                double[] cov = new double[covariates.size()];
                for (int c = 0; c < cov.length; c++) {
                    cov[c] = parse(f.get(FIXED_COLUMNS.size() + c));
                }
                return new SalesCell(lastKey, Math.toIntExact(LocalDate.parse(f.get(3)).toEpochDay()),
                        parse(f.get(4)), parse(f.get(5)), parse(f.get(6)), parse(f.get(7)), cov);
            } catch (RuntimeException e) {
                throw new SalesFormatException(source + " line " + line + ": " + e.getMessage(), e);
            }
        }

        private static double parse(String s) {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }

        private String readLine() {
            try {
                String s = in.readLine();
                if (s != null) {
                    line++;
                }
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": cannot read line " + line + ": " + e.getMessage(), e);
            }
        }

        private List<String> split(String text) {
            if (text == null) {
                throw new SalesFormatException(source + ": empty, expected a header " + FIXED_COLUMNS);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            fields.split(bytes, bytes.length, (byte) ',');
            List<String> out = new ArrayList<>(fields.count());
            for (int i = 0; i < fields.count(); i++) {
                out.add(fields.get(i));
            }
            return out;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(source + ": cannot close: " + e.getMessage(), e);
            }
        }
    }
}
