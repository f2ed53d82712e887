package io.trendcast.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into CSV records without decoding it: a record ends at a line feed outside quotes (RFC 4180
 * lets a quoted field span lines), and a carriage return before the line feed is dropped. Quotes open a quoted
 * field only at the start of a field, so a stray {@code "} inside a value (a {@code 5" screen}) is plain text.
 * Records longer than the limit end the read with an {@link UploadRejectedException}: no line is ever buffered
 * beyond it.
 */
final class RecordReader {

    private static final int CHUNK = 1 << 16;
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote seen inside a quoted field: it closes the field, unless another quote follows ({@code ""}). */
    private static final int QUOTE_IN_QUOTED = 3;

    private final InputStream in;
    private final int maxRecordBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private byte[] record = new byte[1024];
    private int length;
    private long nextLine = 1;
    private long recordLine;
    private long recordEndLine;
    private int delimiter = -1;

    RecordReader(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Sets the delimiter once the header has revealed it; until then {@code ,} {@code ;} and tab all count. */
    void delimiter(byte d) {
        this.delimiter = d;
    }

    /** The bytes of the current record; valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return record;
    }

    /** The length of the current record. */
    int length() {
        return length;
    }

    /** The line the current record starts on (1 for the header). */
    long line() {
        return recordLine;
    }

    /** The line the current record ends on: after {@link #line()} when quoted line breaks are in it. */
    long endLine() {
        return recordEndLine;
    }

    /** Reads the next record; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        recordLine = nextLine;
        int state = FIELD_START;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, CHUNK);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    recordEndLine = length > 0 && record[length - 1] == '\n' ? nextLine - 1 : nextLine;
                    return any;
                }
            }
            byte b = chunk[chunkPos++];
            any = true;
            if (b == '\n') {
                nextLine++;
                if (state != QUOTED) {
                    if (length > 0 && record[length - 1] == '\r') {
                        length--;
                    }
                    recordEndLine = nextLine - 1;
                    return true;
                }
            }
            state = switch (state) {
                case FIELD_START -> b == '"' ? QUOTED : isDelimiter(b) ? FIELD_START : UNQUOTED;
                case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                case QUOTE_IN_QUOTED -> b == '"' ? QUOTED : isDelimiter(b) ? FIELD_START : UNQUOTED;
                default -> isDelimiter(b) ? FIELD_START : UNQUOTED;
            };
            append(b, state == QUOTED);
        }
    }

    private boolean isDelimiter(byte b) {
        return delimiter < 0 ? b == ',' || b == ';' || b == '\t' : b == delimiter;
    }

    private void append(byte b, boolean quoted) {
        if (length >= maxRecordBytes) {
            throw new UploadRejectedException("line " + recordLine + " is longer than " + maxRecordBytes
                        + " bytes" + (quoted ? " (a quoted field is probably never closed)" : "")
                        + "; is this a CSV file with line breaks?");
        }
        if (length == record.length) {
            record = Arrays.copyOf(record, Math.min(maxRecordBytes, length * 2));
        }
        record[length++] = b;
    }
}
