package io.trendcast.core.upload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rejected rows: every one goes to a CSV file ({@code line,column,value,reason,row}, the row exactly as
 * read), the first {@link UploadReport#MAX_LISTED} are also kept for the report.
 */
final class Quarantine implements AutoCloseable {

    /** The header of the quarantine file. */
    static final String HEADER = "line,column,value,reason,row";

    private final Path tempDir;
    private final List<RejectedRow> listed = new ArrayList<>();
    private Path file;
    private BufferedWriter out;
    private long count;

    Quarantine(Path tempDir) {
        this.tempDir = tempDir;
    }

    void add(RejectedRow row) {
        count++;
        if (listed.size() < UploadReport.MAX_LISTED) {
            listed.add(row);
        }
        try {
            if (out == null) {
                file = Files.createTempFile(tempDir, "trendcast-rejected-", ".csv");
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(HEADER);
                out.write('\n');
            }
            out.write(row.line() + "," + SalesCsv.quote(row.column()) + "," + SalesCsv.quote(row.value()) + ","
                    + SalesCsv.quote(row.reason()) + "," + SalesCsv.quote(row.rawLine()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarantine file under " + tempDir, e);
        }
    }

    long count() {
        return count;
    }

    List<RejectedRow> listed() {
        return listed;
    }

    /** The finished quarantine file, or {@code null} when no row was rejected. */
    Path file() {
        return file;
    }

    /** Deletes the quarantine file, for a file rejected whole before its end. */
    void delete() {
        close();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the container's /tmp goes with it
            }
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
                out = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the quarantine file " + file, e);
            }
        }
    }
}
