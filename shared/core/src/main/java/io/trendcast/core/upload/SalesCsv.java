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
 *
 * <p>Histories written since uploads are ordered by their stamps carry one more column in front,
 * {@code upload}: the ref of the upload that supplied the row in the history's {@link UploadTable}. The
 * {@link Reader} reads both layouts ({@link Reader#upload()} is -1 without the column); feature shards never have it.
 */
public final class SalesCsv {

    /** The leading column of stamped histories: the ref of the row's upload in the {@link UploadTable}. */
    public static final String UPLOAD_COLUMN = "upload";

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
        private final boolean withUpload;
        private SeriesKey lastKey;
        private String lastPrefix;

        /** A writer of rows without the upload column (feature shards). */
        public Writer(OutputStream out, List<String> covariateNames) {
            this(out, covariateNames, false);
        }

        /**
         * @param withUpload whether rows start with the {@link #UPLOAD_COLUMN} (histories); then write with
         *                   {@link #write(SalesCell, int)}
         */
        public Writer(OutputStream out, List<String> covariateNames, boolean withUpload) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            this.covariates = covariateNames.size();
            this.withUpload = withUpload;
            List<String> header = new ArrayList<>();
            if (withUpload) {
                header.add(UPLOAD_COLUMN);
            }
            header.addAll(FIXED_COLUMNS);
            header.addAll(covariateNames);
            line(String.join(",", header.stream().map(SalesCsv::quote).toList()));
        }

        /**
         * Writes one row; the cell's covariates must follow the names given at construction.
         *
         * @throws IllegalStateException when the rows carry the upload column
         */
        public void write(SalesCell cell) {
            if (withUpload) {
                throw new IllegalStateException("rows of a stamped history need their upload's ref");
            }
            row(cell, "");
        }

        /**
         * Writes one row of a stamped history.
         *
         * @param upload the ref of the row's upload in the history's {@link UploadTable}
         * @throws IllegalStateException when the rows do not carry the upload column
         */
        public void write(SalesCell cell, int upload) {
            if (!withUpload) {
                throw new IllegalStateException("these rows have no upload column");
            }
            if (upload < 0) {
                throw new IllegalArgumentException("upload ref must be >= 0, got " + upload);
            }
            row(cell, upload + ",");
        }

        private void row(SalesCell cell, String lead) {
            if (cell.series() != lastKey) {
                lastKey = cell.series();
                lastPrefix = quote(lastKey.encode()) + "," + quote(lastKey.item()) + ","
                        + (lastKey.store() == null ? "" : quote(lastKey.store())) + ",";
            }
            StringBuilder row = new StringBuilder(lastPrefix.length() + 64).append(lead).append(lastPrefix)
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
        private final int lead;
        private long line;
        private String lastKeyText;
        private SeriesKey lastKey;
        private int upload = -1;

        /**
         * Opens rows written by {@link Writer}, with or without the upload column.
         *
         * @param source names the data in error messages, e.g. the object key
         * @throws SalesFormatException when the header is not this format's
         */
        public Reader(InputStream in, String source) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            this.source = source;
            List<String> header = split(readLine());
            this.lead = !header.isEmpty() && header.get(0).equals(UPLOAD_COLUMN) ? 1 : 0;
            int fixed = lead + FIXED_COLUMNS.size();
            if (header.size() < fixed || !header.subList(lead, fixed).equals(FIXED_COLUMNS)) {
                throw new SalesFormatException(source + ": header " + header + " does not start with "
                        + FIXED_COLUMNS + " (or with " + UPLOAD_COLUMN + " and them)");
            }
            this.covariates = List.copyOf(header.subList(fixed, header.size()));
        }

        /** The upload ref of the last row read, or -1 when the rows have no upload column. */
        public int upload() {
            return upload;
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
            if (f.size() != lead + FIXED_COLUMNS.size() + covariates.size()) {
                throw new SalesFormatException(source + " line " + line + ": " + f.size() + " fields, expected "
                        + (lead + FIXED_COLUMNS.size() + covariates.size()));
            }
            try {
                if (lead == 1) {
                    upload = Integer.parseInt(f.get(0));
                    if (upload < 0) {
                        throw new IllegalArgumentException("negative upload ref " + upload);
                    }
                }
                if (!f.get(lead).equals(lastKeyText)) {
                    lastKeyText = f.get(lead);
                    lastKey = SeriesKey.of(f.get(lead + 1), f.get(lead + 2));
                }
                double[] cov = new double[covariates.size()];
                for (int c = 0; c < cov.length; c++) {
                    cov[c] = parse(f.get(lead + FIXED_COLUMNS.size() + c));
                }
                return new SalesCell(lastKey, Math.toIntExact(LocalDate.parse(f.get(lead + 3)).toEpochDay()),
                        parse(f.get(lead + 4)), parse(f.get(lead + 5)), parse(f.get(lead + 6)),
                        parse(f.get(lead + 7)), cov);
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
