package io.trendcast.core.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Merges an upload into a seller's history. Uploads are incremental (FORMATS.md §1): for every series the upload
 * contains, each of its days replaces that day of the history or is added to it; the history's other days and
 * every series the upload does not contain are copied untouched. Both inputs and the output are sorted by series
 * and day, so the merge streams with one cell of each side in memory.
 *
 * <p>The output's covariates are the history's followed by the upload's new ones; a cell lacking one has
 * {@code NaN} there.
 */
public final class SalesHistory {

    private SalesHistory() {
    }

    /**
     * Writes the merge of {@code history} (or nothing, for a seller's first upload) and {@code upload} to
     * {@code out}, which is created here with the union of covariates and not closed.
     *
     * @param history the current history, or {@code null}
     * @param out     receives the rows; built from the covariate names by the caller's factory
     * @return what the merged history holds
     */
    public static Summary merge(CellStream history, CellStream upload, WriterFactory out) {
        List<String> names = new ArrayList<>(history == null ? List.of() : history.covariates());
        for (String name : upload.covariates()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        int[] fromHistory = positions(history == null ? List.of() : history.covariates(), names);
        int[] fromUpload = positions(upload.covariates(), names);
        SalesCsv.Writer writer = out.open(names);
        Summary.Builder summary = new Summary.Builder(names);
        SalesCell h = history == null ? null : history.next();
        SalesCell u = upload.next();
        while (h != null || u != null) {
            int c = h == null ? 1 : u == null ? -1 : compare(h, u);
            SalesCell cell;
            if (c < 0) {
                cell = remap(h, fromHistory, names.size());
                h = history.next();
            } else {
                cell = remap(u, fromUpload, names.size());
                if (c == 0) {
                    h = history.next();
                }
                u = upload.next();
            }
            writer.write(cell);
            summary.add(cell);
        }
        return summary.build();
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
