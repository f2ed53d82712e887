package io.trendcast.core.upload;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipException;

/**
 * Reads a seller upload (FORMATS.md §1) as a stream: the file is never held in memory, only one record at a time
 * and the aggregated cells within {@link CellAggregator}'s budget. Immutable and thread-safe; configure with
 * {@link #builder()}.
 *
 * <p>The header decides the delimiter (the most frequent of {@code ,} {@code ;} and tab outside quotes) and the
 * columns ({@link UploadColumns}). Each data row is either accepted and aggregated, or rejected with its line, the
 * column at fault and the reason. The file is rejected whole ({@link UploadRejectedException}, or a
 * {@link UploadStatusCode#REJECTED} result when the share of rejected rows is too high) when a required column is
 * missing, the header is not UTF-8 text, a gzip stream is corrupt or truncated, the decompressed size or a line
 * exceeds its limit.
 */
public final class UploadParser {

    private final double rejectThreshold;
    private final long maxDecompressedBytes;
    private final int maxLineBytes;
    private final int maxIdLength;
    private final int maxDaysAhead;
    private final int maxCells;
    private final Path tempDir;
    private final Clock clock;

    private UploadParser(Builder b) {
        this.rejectThreshold = b.rejectThreshold;
        this.maxDecompressedBytes = b.maxDecompressedBytes;
        this.maxLineBytes = b.maxLineBytes;
        this.maxIdLength = b.maxIdLength;
        this.maxDaysAhead = b.maxDaysAhead;
        this.maxCells = b.maxCells;
        this.tempDir = b.tempDir;
        this.clock = b.clock;
    }

    /** A parser with every default. */
    public static UploadParser defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an upload. The stream is read to its end (or to the first file-level fault) but not closed.
     *
     * @param name the object's name; a name ending in {@code .gz} whose content is not gzip gives a warning
     * @return the result, whose cells and quarantine file live until it is closed
     * @throws UploadRejectedException when the file is rejected whole for one of the reasons in the class comment
     * @throws java.io.UncheckedIOException when the stream or the temporary directory fails
     */
    public ParsedUpload parse(String name, InputStream raw) {
        List<String> warnings = new ArrayList<>();
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        try {
            boolean gzip = TextInput.isGzip(buffered);
            if (name.endsWith(".gz") && !gzip) {
                warnings.add("the name ends in .gz but the content is not gzip; it was read as plain text");
            }
            InputStream text = TextInput.open(buffered, gzip, maxDecompressedBytes);
            return read(new RecordReader(text, maxLineBytes), warnings);
        } catch (EOFException e) {
            throw new UploadRejectedException("the gzip stream ends early: the upload is truncated; upload the "
                    + "whole file again", e);
        } catch (ZipException e) {
            throw new UploadRejectedException("the file is not valid gzip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + name + ": " + e.getMessage(), e);
        }
    }

    private ParsedUpload read(RecordReader reader, List<String> warnings) throws IOException {
        if (!reader.next()) {
            throw new UploadRejectedException("the file is empty; expected a header row such as "
                    + "date,item_id,quantity");
        }
        Header header = Header.read(reader);
        UploadColumns columns = UploadColumns.resolve(header.names());
        warnings.addAll(columns.warnings());
        reader.delimiter(header.delimiter());
        long today = LocalDate.now(clock).toEpochDay();
        RowReader rows = new RowReader(columns, new Values(0, (int) (today + maxDaysAhead)), maxIdLength);
        Quarantine quarantine = new Quarantine(tempDir);
        CellAggregator aggregator = new CellAggregator(columns.extras().size(), maxCells, tempDir);
        UploadTally tally = new UploadTally();
        Fields fields = new Fields();
        byte[] previous = new byte[256];
        int previousLength = -1;
        try (quarantine; aggregator) {
            while (reader.next()) {
                byte[] bytes = reader.bytes();
                int length = reader.length();
                if (blank(bytes, length)) {
                    continue;
                }
                tally.rowsRead++;
                if (length == previousLength && Arrays.equals(bytes, 0, length, previous, 0, length)) {
                    tally.repeated(reader.line());
                }
                if (previous.length < length) {
                    previous = new byte[Math.max(length, previous.length * 2)];
                }
                System.arraycopy(bytes, 0, previous, 0, length);
                previousLength = length;
                RejectedRow rejected = rows.read(bytes, length, header.delimiter(), fields, reader.line(),
                        reader.endLine());
                if (rejected != null) {
                    quarantine.add(rejected);
                    continue;
                }
                aggregator.add(rows.item(), rows.store(), rows.day(), rows.quantity(), rows.price(), rows.promo(),
                        rows.onHand(), rows.extras());
                tally.accept(rows.day());
            }
            warnings.addAll(tally.warnings());
            warnings.addAll(rows.extraColumnWarnings());
            return ParsedUpload.of(tally, quarantine, aggregator, rows, columns, warnings, rejectThreshold);
        } catch (IOException | RuntimeException e) {
            quarantine.delete();
            throw e;
        }
    }

    private static boolean blank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The header row: its names and the delimiter they reveal. */
    private record Header(List<String> names, byte delimiter) {

        static Header read(RecordReader reader) {
            byte[] bytes = reader.bytes();
            int length = reader.length();
            int from = length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                    && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
            byte[] header = Arrays.copyOfRange(bytes, from, length);
            if (!Fields.isUtf8(header, header.length)) {
                throw new UploadRejectedException("not a text file: the header row is not UTF-8; save the file as "
                        + "UTF-8 CSV");
            }
            for (byte b : header) {
                if (b == 0 || (b < 0x20 && b >= 0 && b != '\t')) {
                    throw new UploadRejectedException("not a text file: the header row holds binary data (byte "
                            + b + "); upload a CSV file");
                }
            }
            byte delimiter = delimiter(header);
            Fields fields = new Fields();
            fields.split(header, header.length, delimiter);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < fields.count(); i++) {
                names.add(fields.get(i));
            }
            return new Header(names, delimiter);
        }

        private static byte delimiter(byte[] header) {
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            boolean quoted = false;
            for (byte b : header) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    commas += b == ',' ? 1 : 0;
                    semicolons += b == ';' ? 1 : 0;
                    tabs += b == '\t' ? 1 : 0;
                }
            }
            if (tabs > commas && tabs >= semicolons) {
                return '\t';
            }
            return semicolons > commas ? (byte) ';' : (byte) ',';
        }
    }

    /** Immutable configuration; every default is written beside its field. */
    public static final class Builder {
        private double rejectThreshold = 0.05;
        private long maxDecompressedBytes = 2L * 1024 * 1024 * 1024;
        private int maxLineBytes = 64 * 1024;
        private int maxIdLength = 200;
        private int maxDaysAhead = 366;
        private int maxCells = 500_000;
        private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Largest share of rejected rows a file may have and still be used; default 0.05. */
        public Builder rejectThreshold(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("rejectThreshold must be within [0, 1], got " + share);
            }
            this.rejectThreshold = share;
            return this;
        }

        /** Largest decompressed size of a file; default 2 GiB. */
        public Builder maxDecompressedBytes(long bytes) {
            this.maxDecompressedBytes = positive(bytes, "maxDecompressedBytes");
            return this;
        }

        /** Longest line (a record, quoted line breaks included); default 64 KiB. */
        public Builder maxLineBytes(int bytes) {
            this.maxLineBytes = (int) positive(bytes, "maxLineBytes");
            return this;
        }

        /** Longest item or store id in characters; default 200. */
        public Builder maxIdLength(int chars) {
            this.maxIdLength = (int) positive(chars, "maxIdLength");
            return this;
        }

        /** How many days after today a date may lie; default 366. Dates before 1970-01-01 are always refused. */
        public Builder maxDaysAhead(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("maxDaysAhead must not be negative, got " + days);
            }
            this.maxDaysAhead = days;
            return this;
        }

        /** Most aggregated cells held in memory before sorted runs are spilled to disk; default 500,000. */
        public Builder maxCellsInMemory(int cells) {
            this.maxCells = (int) positive(cells, "maxCellsInMemory");
            return this;
        }

        /** Where aggregation runs and the quarantine file are written; default {@code java.io.tmpdir}. */
        public Builder tempDir(Path dir) {
            this.tempDir = Objects.requireNonNull(dir, "tempDir");
            return this;
        }

        /** The clock that says what "today" is for the future-date check; default UTC system clock. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public UploadParser build() {
            return new UploadParser(this);
        }

        private static long positive(long v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + v);
            }
            return v;
        }
    }
}
