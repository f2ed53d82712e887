package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates transaction lines to one cell per series and day in bounded memory. Lines for one series and day are
 * summed; the price is weighted by the absolute quantity (a plain mean when every line of the day has quantity
 * zero); promo is the maximum; on hand and covariates keep the last value seen.
 *
 * <p><b>Memory bound.</b> At most {@code maxCells} cells are held in a {@link CellTable}, whose capacity is the
 * smallest power of two holding them at a load of 3/4: about {@code maxCells · 4/3 · (53 + 8·covariates)} bytes
 * (rounded up to a power of two of slots), plus about 150 bytes per distinct series for the series dictionary.
 * When the table is full it is sorted by ({@link SeriesOrder series}, day) and spilled to a run file under the
 * temporary directory ({@code 53 + 8·covariates} bytes per cell); {@link #finish()} spills the rest, and
 * {@link AggregatedCells} merges the runs with one 64 KiB buffer each. Disk use is at most the cells of the
 * upload times the record size.
 */
final class CellAggregator implements AutoCloseable {

    private final int covariates;
    private final int maxCells;
    private final Path dir;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<SeriesKey> keys = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final CellTable table;
    private boolean finished;
    private String lastItem;
    private String lastStore;
    private int lastId = -1;
    private int[] rank;

    /**
     * An aggregator holding at most {@code maxCells} cells in memory, spilling to a new directory under
     * {@code tempDir}.
     */
    CellAggregator(int covariates, int maxCells, Path tempDir) {
        this.covariates = covariates;
        this.maxCells = maxCells;
        this.table = new CellTable(covariates, 1024);
        try {
            this.dir = Files.createTempDirectory(tempDir, "trendcast-cells-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for aggregation runs under " + tempDir
                    + "; check the configured temporary directory exists and is writable", e);
        }
    }

    /** Adds one accepted row. {@code store} may be {@code null}; {@code values} holds the covariates (NaN = none). */
    void add(String item, String store, int day, double qty, double price, double promo, double onHand,
             double[] values) {
        int id = lastId >= 0 && item.equals(lastItem) && Objects.equals(store, lastStore) ? lastId
                : seriesId(item, store);
        long key = CellTable.key(id, day);
        if (table.size() >= maxCells && table.keys[table.slot(key)] != key) {
            spill();
        }
        table.add(id, day, qty, price, promo, onHand, values);
    }

    private int seriesId(String item, String store) {
        String composite = store == null ? item + '\0' : item + '\0' + store;
        Integer id = ids.get(composite);
        if (id == null) {
            id = keys.size();
            ids.put(composite, id);
            keys.add(SeriesKey.of(item, store));
        }
        lastItem = item;
        lastStore = store;
        lastId = id;
        return id;
    }

    /** Distinct series added so far. */
    int seriesCount() {
        return keys.size();
    }

    /** Spills what is held and hands over the runs; this aggregator must not be used afterwards. */
    AggregatedCells finish() {
        spill();
        finished = true;
        return new AggregatedCells(dir, List.copyOf(runs), List.copyOf(keys), ranks(), covariates);
    }

    /** The rank of each series in {@link SeriesOrder}; recomputed only when series were added since last time. */
    private int[] ranks() {
        if (rank != null && rank.length == keys.size()) {
            return rank;
        }
        Integer[] order = new Integer[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> SeriesOrder.compare(keys.get(a), keys.get(b)));
        rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private void spill() {
        if (table.size() == 0) {
            return;
        }
        int[] rankOf = ranks();
        int[] seriesOfRank = new int[rankOf.length];
        for (int s = 0; s < rankOf.length; s++) {
            seriesOfRank[rankOf[s]] = s;
        }
        long[] held = table.heldKeys();
        for (int i = 0; i < held.length; i++) {
            held[i] = CellTable.key(rankOf[CellTable.series(held[i])], CellTable.day(held[i]));
        }
        Arrays.sort(held);
        Path run = dir.resolve("run-" + runs.size() + ".bin");
        int recordBytes = (int) CellTable.bytesPerSlot(covariates);
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(1 << 20, recordBytes + 4));
        try (FileChannel out = FileChannel.open(run, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            buffer.putInt(held.length);
            for (long rankKey : held) {
                if (buffer.remaining() < recordBytes) {
                    drain(buffer, out);
                }
                int series = seriesOfRank[CellTable.series(rankKey)];
                int day = CellTable.day(rankKey);
                int slot = table.slot(CellTable.key(series, day));
                buffer.putInt(series).putInt(day).putDouble(table.quantity[slot])
                        .putDouble(table.priceWeighted[slot]).putDouble(table.priceWeight[slot])
                        .putDouble(table.priceSum[slot]).putInt(table.priceCount[slot]).put(table.promo[slot])
                        .putDouble(table.onHand[slot]);
                for (int c = 0; c < covariates; c++) {
                    buffer.putDouble(table.cov[slot * covariates + c]);
                }
            }
            drain(buffer, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write aggregation run " + run + " (is the temporary directory "
                    + "full? a large upload needs about " + recordBytes + " bytes per series and day)", e);
        }
        runs.add(run);
        table.clear();
    }

    private static void drain(ByteBuffer buffer, FileChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /** Deletes the run files unless {@link #finish()} handed them over. */
    @Override
    public void close() {
        if (!finished) {
            AggregatedCells.deleteQuietly(dir);
        }
    }
}
