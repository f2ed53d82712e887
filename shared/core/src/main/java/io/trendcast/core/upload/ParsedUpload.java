package io.trendcast.core.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link UploadParser} read from an upload: the verdict, the counts, the rejected rows (the first
 * {@link UploadReport#MAX_LISTED} in memory, all of them in {@link #quarantineFile()}), the warnings and, unless
 * the file is rejected, its aggregated cells. Holds temporary files until closed.
 */
public final class ParsedUpload implements AutoCloseable {

    private final UploadStatusCode status;
    private final UploadTally tally;
    private final long rowsRejected;
    private final List<RejectedRow> rejected;
    private final Path quarantineFile;
    private final List<String> warnings;
    private final AggregatedCells cells;
    private final List<String> covariateNames;
    private final int[] covariatePositions;
    private final boolean weekStarts;

    private ParsedUpload(UploadStatusCode status, UploadTally tally, Quarantine quarantine, AggregatedCells cells,
                         RowReader rows, boolean weekStarts, List<String> warnings) {
        this.status = status;
        this.tally = tally;
        this.rowsRejected = quarantine.count();
        this.rejected = List.copyOf(quarantine.listed());
        this.quarantineFile = quarantine.file();
        this.warnings = List.copyOf(warnings);
        this.cells = cells;
        this.covariateNames = rows.covariateNames();
        this.covariatePositions = rows.covariatePositions();
        this.weekStarts = weekStarts;
    }

    static ParsedUpload of(UploadTally tally, Quarantine quarantine, CellAggregator aggregator, RowReader rows,
                           UploadColumns columns, List<String> warnings, double threshold) {
        List<String> all = new ArrayList<>(warnings);
        UploadStatusCode status;
        long rejectedRows = quarantine.count();
        if (tally.rowsRead == 0) {
            status = UploadStatusCode.REJECTED;
            all.add(0, "the file has no data rows");
        } else if ((double) rejectedRows / tally.rowsRead > threshold) {
            status = UploadStatusCode.REJECTED;
            all.add(0, String.format(Locale.ROOT, "%d of %d rows (%.1f%%) were rejected, more than the %.1f%% "
                    + "allowed; nothing from the file was applied", rejectedRows, tally.rowsRead,
                    100.0 * rejectedRows / tally.rowsRead, 100 * threshold));
        } else {
            status = rejectedRows > 0 ? UploadStatusCode.PARTIAL : UploadStatusCode.ACCEPTED;
        }
        AggregatedCells cells = status == UploadStatusCode.REJECTED ? null : aggregator.finish();
        return new ParsedUpload(status, tally, quarantine, cells, rows, columns.weekly(), all);
    }

    public UploadStatusCode status() {
        return status;
    }

    public long rowsRead() {
        return tally.rowsRead;
    }

    public long rowsAccepted() {
        return tally.rowsAccepted;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** The first {@link UploadReport#MAX_LISTED} rejected rows. */
    public List<RejectedRow> rejected() {
        return rejected;
    }

    /** The quarantine CSV ({@code line,column,value,reason,row}) with every rejected row, or {@code null}. */
    public Path quarantineFile() {
        return quarantineFile;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Distinct series among the accepted rows; 0 when the file is rejected. */
    public long seriesCount() {
        return cells == null ? 0 : cells.seriesCount();
    }

    /** The first accepted day, or {@code null}. */
    public LocalDate from() {
        return tally.rowsAccepted == 0 ? null : LocalDate.ofEpochDay(tally.firstDay);
    }

    /** The last accepted day, or {@code null}. */
    public LocalDate to() {
        return tally.rowsAccepted == 0 ? null : LocalDate.ofEpochDay(tally.lastDay);
    }

    /** Whether the date column is {@code week_start}: the data are weekly whatever the spacing says. */
    public boolean weekStarts() {
        return weekStarts;
    }

    /** The names of the extra numeric columns kept as covariates. */
    public List<String> covariates() {
        return covariateNames;
    }

    /**
     * A new stream over the aggregated cells, sorted by series and day; may be called again.
     *
     * @throws IllegalStateException when the file was rejected (there are no cells to apply)
     */
    public CellStream cells() {
        if (cells == null) {
            throw new IllegalStateException("upload was rejected; it has no cells to apply");
        }
        return cells.open(covariateNames, covariatePositions);
    }

    /** The report of this upload (FORMATS.md §2) without frequency or run, which the dataset merge adds. */
    public UploadReport report(String uploadId, String seller, String source) {
        return new UploadReport(uploadId, seller, source, status, tally.rowsRead, tally.rowsAccepted, rowsRejected,
                rejected, seriesCount(), from(), to(), null, warnings, null);
    }

    /** Deletes the aggregation runs and the quarantine file. */
    @Override
    public void close() {
        if (cells != null) {
            cells.close();
        }
        if (quarantineFile != null) {
            try {
                Files.deleteIfExists(quarantineFile);
            } catch (IOException ignored) {
                // a temporary file; the container's /tmp goes with it
            }
        }
    }
}
