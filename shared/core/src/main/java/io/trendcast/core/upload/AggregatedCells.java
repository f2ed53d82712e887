package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The aggregated cells of an upload as sorted run files on disk. {@link #open(List)} merges the runs into one
 * sorted {@link CellStream}, combining cells of one series and day that fell into different runs, and may be
 * called again (the dataset merge retries on a version conflict). Closing deletes the files.
 */
final class AggregatedCells implements AutoCloseable {

    private final Path dir;
    private final List<Path> runs;
    private final List<SeriesKey> keys;
    private final int[] rank;
    private final int covariates;

    AggregatedCells(Path dir, List<Path> runs, List<SeriesKey> keys, int[] rank, int covariates) {
        this.dir = dir;
        this.runs = runs;
        this.keys = keys;
        this.rank = rank;
        this.covariates = covariates;
    }

    /** Distinct series. */
    int seriesCount() {
        return keys.size();
    }

    /**
     * A new sorted stream over the cells whose covariates are the aggregated columns {@code keep}, named
     * {@code covariateNames}.
     */
    CellStream open(List<String> covariateNames, int[] keep) {
        return new Merge(covariateNames, keep);
    }

    @Override
    public void close() {
        deleteQuietly(dir);
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // temporary files: the container's /tmp is discarded with it
        }
    }

    /** One run file read record by record through a 64 KiB buffer. */
    private final class Run {
        final int order;
        final FileChannel in;
        final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        final int recordBytes = (int) CellTable.bytesPerSlot(covariates);
        int remaining;
        int series;
        int day;
        double quantity;
        double priceWeighted;
        double priceWeight;
        double priceSum;
        int priceCount;
        byte promo;
        double onHand;
        final double[] cov = new double[covariates];

        Run(int order, Path file) throws IOException {
            this.order = order;
            this.in = FileChannel.open(file, StandardOpenOption.READ);
            buffer.flip();
            fill(4);
            this.remaining = buffer.getInt();
        }

        private void fill(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (in.read(buffer) < 0) {
                    throw new EOFException("aggregation run " + order + " in " + dir + " ends early");
                }
            }
            buffer.flip();
        }

        boolean advance() throws IOException {
            if (remaining == 0) {
                return false;
            }
            remaining--;
            fill(recordBytes);
            series = buffer.getInt();
            day = buffer.getInt();
            quantity = buffer.getDouble();
            priceWeighted = buffer.getDouble();
            priceWeight = buffer.getDouble();
            priceSum = buffer.getDouble();
            priceCount = buffer.getInt();
            promo = buffer.get();
            onHand = buffer.getDouble();
            for (int c = 0; c < covariates; c++) {
                cov[c] = buffer.getDouble();
            }
            return true;
        }
    }

    /** The k-way merge of the runs; among equal cells, a later run is later in the file. */
    private final class Merge implements CellStream {
        private final List<String> covariateNames;
        private final int[] keep;
        private final PriorityQueue<Run> queue;

        Merge(List<String> covariateNames, int[] keep) {
            this.covariateNames = List.copyOf(covariateNames);
            this.keep = keep.clone();
            Comparator<Run> byKey = Comparator.<Run>comparingInt(r -> rank[r.series]).thenComparingInt(r -> r.day)
                    .thenComparingInt(r -> r.order);
            this.queue = new PriorityQueue<>(Math.max(1, runs.size()), byKey);
            try {
                for (int i = 0; i < runs.size(); i++) {
                    Run run = new Run(i, runs.get(i));
                    if (run.advance()) {
                        queue.add(run);
                    } else {
                        run.in.close();
                    }
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot open the aggregation runs in " + dir, e);
            }
        }

        @Override
        public List<String> covariates() {
            return covariateNames;
        }

        @Override
        public SalesCell next() {
            Run first = queue.poll();
            if (first == null) {
                return null;
            }
            int series = first.series;
            int day = first.day;
            double quantity = first.quantity;
            double pw = first.priceWeighted;
            double w = first.priceWeight;
            double ps = first.priceSum;
            int pn = first.priceCount;
            int promo = first.promo;
            double onHand = first.onHand;
            double[] cov = first.cov.clone();
            requeue(first);
            while (!queue.isEmpty() && queue.peek().series == series && queue.peek().day == day) {
                Run r = queue.poll();
                quantity += r.quantity;
                pw += r.priceWeighted;
                w += r.priceWeight;
                ps += r.priceSum;
                pn += r.priceCount;
                promo = Math.max(promo, r.promo);
                onHand = Double.isNaN(r.onHand) ? onHand : r.onHand;
                for (int c = 0; c < covariates; c++) {
                    cov[c] = Double.isNaN(r.cov[c]) ? cov[c] : r.cov[c];
                }
                requeue(r);
            }
            double price = w > 0 ? pw / w : pn > 0 ? ps / pn : Double.NaN;
            double[] kept = new double[keep.length];
            for (int j = 0; j < keep.length; j++) {
                kept[j] = cov[keep[j]];
            }
            return new SalesCell(keys.get(series), day, quantity, price, promo < 0 ? Double.NaN : promo, onHand,
                    kept);
        }

        private void requeue(Run run) {
            try {
                if (run.advance()) {
                    queue.add(run);
                } else {
                    run.in.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read aggregation run " + run.order + " in " + dir, e);
            }
        }

        @Override
        public void close() {
            for (Run r : queue) {
                try {
                    r.in.close();
                } catch (IOException ignored) {
                    // read-only temporary file
                }
            }
            queue.clear();
        }
    }
}
