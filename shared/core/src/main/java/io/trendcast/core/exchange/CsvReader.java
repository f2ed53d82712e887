package io.trendcast.core.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A streaming RFC 4180 reader: comma-separated, optional double quotes with {@code ""} escapes, LF or CRLF, a
 * leading UTF-8 byte order mark skipped. Gzip is detected from the file's magic bytes. Records are returned one
 * at a time with the line number they started on.
 */
public final class CsvReader implements AutoCloseable {

    private final String source;
    private final BufferedReader in;
    private long lineNo;
    private long recordLine;

    private CsvReader(String source, BufferedReader in) {
        this.source = source;
        this.in = in;
    }

    /** Opens a plain or gzipped file. */
    public static CsvReader open(Path path) {
        try {
            InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            InputStream in = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new CsvReader(path.toString(),
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file name used in error messages. */
    public String source() {
        return source;
    }

    /** The line on which the last returned record started. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end. Blank lines are skipped. */
    public List<String> next() {
        try {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    return null;
                }
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
            } while (line.isBlank());
            recordLine = lineNo;
            return split(line);
        } catch (IOException e) {
            throw new ExchangeFormatException(source, lineNo + 1, "cannot read: " + e.getMessage());
        }
    }

    private List<String> split(String first) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String line = first;
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    fields.add(cur.toString());
                    return fields;
                }
                String more = in.readLine();
                if (more == null) {
                    throw new ExchangeFormatException(source, recordLine, "a quoted field is never closed");
                }
                lineNo++;
                cur.append('\n');
                line = more;
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart && cur.length() == 0) {
                quoted = true;
            } else {
                cur.append(c);
            }
            fieldStart = false;
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
