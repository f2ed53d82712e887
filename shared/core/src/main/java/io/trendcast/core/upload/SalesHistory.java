package io.trendcast.core.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Merges an upload into a seller's history. Uploads are incremental (FORMATS.md §1): for every series the upload
 * contains, each of its days is added to the history or replaces that day of the history, provided the upload is
 * later ({@link UploadStamp}) than the one that supplied the day; an earlier upload merged after a later one only
 * fills the days it alone has. The history's other days and every series the upload does not contain are copied
 * untouched. So the same uploads give the same history in any order. Both inputs and the output are sorted by
 * series and day, so the merge streams with one cell of each side in memory.
 *
 * <p>Each row of the output names its upload by ref in the output's {@link UploadTable} ({@link SalesCsv}'s
 * {@code upload} column); a history without that column (written before stamps) counts as
 * {@link UploadStamp#LEGACY}, older than every upload. The output's covariates are the union of both sides' in
 * name order, so they too do not depend on the order of merging; a cell lacking one has {@code NaN} there.
 */
public final class SalesHistory {

    private SalesHistory() {
    }

    /**
     * Writes the merge of {@code history} (or nothing, for a seller's first upload) and {@code upload} to
     * {@code out}, which is created here with the union of covariates and not closed.
     *
     * @param history      the current history, or {@code null}
     * @param historyTable the uploads {@code history}'s rows refer to ({@link UploadTable#legacy()} for a history
     *                     without the upload column, {@link UploadTable#empty()} without history)
     * @param stamp        the upload's stamp; {@code null} copies the history, and then {@code upload} must be
     *                     empty
     * @param out          receives the rows; built from the covariate names by the caller's factory, with the
     *                     upload column
     * @return what the merged history holds, and its upload table
     * @throws SalesFormatException when a row of the history names no upload of {@code historyTable}
     */
    public static Result merge(SalesCsv.Reader history, UploadTable historyTable, CellStream upload,
                               UploadStamp stamp, WriterFactory out) {
        List<String> names = new ArrayList<>(history == null ? List.of() : history.covariates());
        for (String name : upload.covariates()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        Collections.sort(names);
        int[] fromHistory = positions(history == null ? List.of() : history.covariates(), names);
        int[] fromUpload = positions(upload.covariates(), names);
        UploadTable table = stamp == null ? historyTable : historyTable.with(stamp);
        int[] refs = historyTable.positionsIn(table);
        int legacyRef = historyTable.indexOf(UploadStamp.LEGACY.uploadId());
        int own = stamp == null ? -1 : table.indexOf(stamp.uploadId());
        SalesCsv.Writer writer = out.open(names);
        Summary.Builder summary = new Summary.Builder(names);
        long superseded = 0;
        SalesCell h = history == null ? null : history.next();
        SalesCell u = upload.next();
        if (u != null && stamp == null) {
            throw new IllegalArgumentException("an upload with cells needs its stamp");
        }
        while (h != null || u != null) {
            int c = h == null ? 1 : u == null ? -1 : compare(h, u);
            SalesCell cell;
            int ref;
            if (c < 0) {
                cell = remap(h, fromHistory, names.size());
                ref = ref(history, refs, legacyRef);
                h = history.next();
            } else if (c > 0) {
                cell = remap(u, fromUpload, names.size());
                ref = own;
                u = upload.next();
            } else {
                int existing = ref(history, refs, legacyRef);
                if (own >= existing) {
                    cell = remap(u, fromUpload, names.size());
                    ref = own;
                } else {
                    cell = remap(h, fromHistory, names.size());
                    ref = existing;
                    superseded++;
                }
                h = history.next();
                u = upload.next();
            }
            writer.write(cell, ref);
            summary.add(cell);
        }
        return new Result(summary.build(), table, superseded);
    }

    /** The ref, in the merged table, of the history row just read. */
    private static int ref(SalesCsv.Reader history, int[] refs, int legacyRef) {
        int ref = history.upload();
        if (ref < 0) {
            if (legacyRef < 0) {
                throw new SalesFormatException("a history row without upload column, but the history's upload "
                        + "table has no legacy entry");
            }
            ref = legacyRef;
        }
        if (ref >= refs.length) {
            throw new SalesFormatException("a history row names upload ref " + ref + " but the history's upload "
                    + "table holds " + refs.length);
        }
        return refs[ref];
    }

    /**
     * A merge's outcome.
     *
     * @param summary    what the merged history holds
     * @param uploads    its upload table
     * @param superseded days of the upload left out because a later upload already gives them
     */
    public record Result(Summary summary, UploadTable uploads, long superseded) {
    }

    private static int compare(SalesCell a, SalesCell b) {
        int c = SeriesOrder.compare(a.series(), b.series());
        return c != 0 ? c : Integer.compare(a.epochDay(), b.epochDay());
    }

    private static int[] positions(List<String> from, List<String> to) {
        return from.stream().mapToInt(to::indexOf).toArray();
    }

    private static SalesCell remap(SalesCell cell, int[] positions, int width) {
        double[] cov = new double[width];
        Arrays.fill(cov, Double.NaN);
        double[] in = cell.covariates();
        for (int i = 0; i < positions.length && i < in.length; i++) {
            cov[positions[i]] = in[i];
        }
        return new SalesCell(cell.series(), cell.epochDay(), cell.quantity(), cell.price(), cell.promo(),
                cell.onHand(), cov);
    }

    /** Opens the writer of the merged rows once their covariate names are known. */
    @FunctionalInterface
    public interface WriterFactory {
        SalesCsv.Writer open(List<String> covariateNames);
    }

    /**
     * What a merged history holds.
     *
     * @param series     distinct series
     * @param cells      rows (series-days)
     * @param firstDay   the first day, as an epoch day ({@code Long.MAX_VALUE} when empty)
     * @param lastDay    the last day, as an epoch day ({@code Long.MIN_VALUE} when empty)
     * @param days       the distinct days (bit = epoch day)
     * @param covariates the covariate columns
     */
    public record Summary(long series, long cells, long firstDay, long lastDay, BitSet days,
                          List<String> covariates) {

        static final class Builder {
            private final List<String> covariates;
            private long series;
            private long cells;
            private long first = Long.MAX_VALUE;
            private long last = Long.MIN_VALUE;
            private final BitSet days = new BitSet();
            private Object lastSeries;

            Builder(List<String> covariates) {
                this.covariates = List.copyOf(covariates);
            }

            void add(SalesCell cell) {
                if (cell.series() != lastSeries && !cell.series().equals(lastSeries)) {
                    series++;
                }
                lastSeries = cell.series();
                cells++;
                first = Math.min(first, cell.epochDay());
                last = Math.max(last, cell.epochDay());
                days.set(cell.epochDay());
            }

            Summary build() {
                return new Summary(series, cells, first, last, days, covariates);
            }
        }
    }
}
