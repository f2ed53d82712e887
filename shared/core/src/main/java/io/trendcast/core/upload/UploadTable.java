package io.trendcast.core.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The uploads a seller's history holds cells of, sorted by {@link UploadStamp}: each cell of the history names its
 * upload by its position here (its <em>ref</em>), so comparing two cells' refs compares their uploads' stamps.
 * Immutable; {@link #with} gives the table with one more upload, and {@link #positionsIn} maps the refs of a
 * table to those of a larger one.
 *
 * <p>Stored next to the history as CSV (UTF-8, LF, RFC 4180 quotes): header
 * {@code ref,upload_id,created,key,sequencer,version}, one row per upload in ref order, {@code created} as an ISO
 * instant (empty for {@link UploadStamp#LEGACY}), absent values empty. The table keeps every upload ever applied
 * (about 100 bytes each), so the same set of uploads gives the same table whatever order they came in.
 */
public final class UploadTable {

    /** The header of the stored table. */
    public static final String HEADER = "ref,upload_id,created,key,sequencer,version";

    private static final UploadTable EMPTY = new UploadTable(List.of());
    private static final UploadTable LEGACY = new UploadTable(List.of(UploadStamp.LEGACY));

    private final List<UploadStamp> stamps;

    private UploadTable(List<UploadStamp> sorted) {
        this.stamps = List.copyOf(sorted);
    }

    /** The table of a seller without history. */
    public static UploadTable empty() {
        return EMPTY;
    }

    /** The table of a history written before stamps: every cell is {@link UploadStamp#LEGACY}'s (ref 0). */
    public static UploadTable legacy() {
        return LEGACY;
    }

    /** How many uploads the table holds. */
    public int size() {
        return stamps.size();
    }

    /** The upload at {@code ref}. */
    public UploadStamp get(int ref) {
        return stamps.get(ref);
    }

    /** The uploads in stamp order. */
    public List<UploadStamp> stamps() {
        return stamps;
    }

    /** The ref of {@code uploadId}, or -1 when the table does not hold it. */
    public int indexOf(String uploadId) {
        for (int i = 0; i < stamps.size(); i++) {
            if (stamps.get(i).uploadId().equals(uploadId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The table with {@code stamp} in its place; this table when it already holds that upload.
     *
     * @throws IllegalArgumentException when the table holds the same upload id with a different stamp
     */
    public UploadTable with(UploadStamp stamp) {
        int known = indexOf(stamp.uploadId());
        if (known >= 0) {
            if (!stamps.get(known).equals(stamp)) {
                throw new IllegalArgumentException("upload " + stamp.uploadId() + " is recorded as "
                        + stamps.get(known) + ", not " + stamp);
            }
            return this;
        }
        int at = Collections.binarySearch(stamps, stamp);
        List<UploadStamp> out = new ArrayList<>(stamps.size() + 1);
        out.addAll(stamps);
        out.add(-at - 1, stamp);
        return new UploadTable(out);
    }

    /**
     * For each ref of this table, the ref of the same upload in {@code wider}.
     *
     * @throws IllegalArgumentException when {@code wider} lacks one of this table's uploads
     */
    public int[] positionsIn(UploadTable wider) {
        int[] out = new int[stamps.size()];
        int j = 0;
        for (int i = 0; i < out.length; i++) {
            UploadStamp s = stamps.get(i);
            while (j < wider.stamps.size() && !wider.stamps.get(j).equals(s)) {
                j++;
            }
            if (j == wider.stamps.size()) {
                throw new IllegalArgumentException("upload " + s.uploadId() + " is missing from the wider table");
            }
            out[i] = j;
        }
        return out;
    }

    /** Writes the table as CSV; the stream is not closed. */
    public void write(OutputStream out) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < stamps.size(); i++) {
            UploadStamp s = stamps.get(i);
            if (s.key().indexOf('\n') >= 0 || s.key().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("an upload key with a line break cannot be recorded: " + s.key());
            }
            text.append(i).append(',').append(s.uploadId()).append(',')
                    .append(s.legacy() ? "" : s.created().toString()).append(',')
                    .append(SalesCsv.quote(s.key())).append(',')
                    .append(s.sequencer() == null ? "" : s.sequencer()).append(',')
                    .append(s.version() == null ? "" : SalesCsv.quote(s.version())).append('\n');
        }
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the upload table: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a table written by {@link #write}; the stream is not closed.
     *
     * @param source names the data in error messages
     * @throws SalesFormatException when the text is not such a table
     */
    public static UploadTable read(InputStream in, String source) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Fields fields = new Fields();
        List<UploadStamp> out = new ArrayList<>();
        try {
            String header = lines.readLine();
            if (!HEADER.equals(header)) {
                throw new SalesFormatException(source + ": header '" + header + "' is not '" + HEADER + "'");
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.add(row(line, fields, out.size(), source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read the upload table: " + e.getMessage(), e);
        }
        for (int i = 1; i < out.size(); i++) {
            if (!out.get(i).isAfter(out.get(i - 1))) {
                throw new SalesFormatException(source + ": ref " + i + " is not later than ref " + (i - 1));
            }
        }
        return new UploadTable(out);
    }

    private static UploadStamp row(String line, Fields fields, int ref, String source) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        fields.split(bytes, bytes.length, (byte) ',');
        if (fields.count() != 6 || !fields.get(0).equals(Integer.toString(ref))) {
            throw new SalesFormatException(source + " ref " + ref + ": expected 6 fields starting with the ref, got '"
                    + line + "'");
        }
        try {
            if (fields.get(2).isEmpty()) {
                if (!fields.get(1).equals(UploadStamp.LEGACY.uploadId())) {
                    throw new SalesFormatException("only the legacy entry has no creation time");
                }
                return UploadStamp.LEGACY;
            }
            return UploadStamp.of(fields.get(1), Instant.parse(fields.get(2)), fields.get(3), fields.get(4),
                    fields.get(5));
        } catch (RuntimeException e) {
            throw new SalesFormatException(source + " ref " + ref + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadTable t && t.stamps.equals(stamps);
    }

    @Override
    public int hashCode() {
        return stamps.hashCode();
    }

    @Override
    public String toString() {
        return "UploadTable" + stamps;
    }
}
