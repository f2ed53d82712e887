package io.trendcast.core.upload;

import io.trendcast.core.port.BlobStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts a merged history into feature shards of at most {@code shardSize} series ({@link FeatureShard}) and puts
 * them one by one. Memory holds one shard's compressed bytes and one series' cells at a time.
 */
public final class FeaturePublisher {

    private final BlobStore blobs;
    private final int shardSize;

    public FeaturePublisher(BlobStore blobs, int shardSize) {
        if (shardSize < 1) {
            throw new IllegalArgumentException("shardSize must be at least 1, got " + shardSize);
        }
        this.blobs = blobs;
        this.shardSize = shardSize;
    }

    /** The number of shards {@code series} series make. */
    public int shardCount(long series) {
        return (int) ((series + shardSize - 1) / shardSize);
    }

    /**
     * Writes the shards of {@code history} for a run.
     *
     * @param lastDay the dataset's last day: every series runs on {@code grid} up to its period
     * @return the keys written, in order
     */
    public List<String> publish(String seller, String runId, CellStream history, DateGrid grid, long lastDay) {
        List<String> keys = new ArrayList<>();
        List<SalesCell> series = new ArrayList<>();
        Shard shard = null;
        SalesCell cell = history.next();
        while (cell != null) {
            series.clear();
            series.add(cell);
            while ((cell = history.next()) != null && cell.series().equals(series.get(0).series())) {
                series.add(cell);
            }
            if (shard == null) {
                shard = new Shard(history.covariates(), grid, lastDay);
            }
            shard.writer.write(series);
            if (++shard.series == shardSize) {
                keys.add(put(seller, runId, keys.size(), shard));
                shard = null;
            }
        }
        if (shard != null) {
            keys.add(put(seller, runId, keys.size(), shard));
        }
        return keys;
    }

    private String put(String seller, String runId, int index, Shard shard) {
        shard.writer.close();
        String key = FeatureShard.key(seller, runId, index);
        blobs.put(key, shard.bytes.toByteArray(), "application/gzip");
        return key;
    }

    /** A shard being written in memory. */
    private static final class Shard {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        final FeatureShard.Writer writer;
        int series;

        Shard(List<String> covariates, DateGrid grid, long lastDay) {
            try {
                writer = new FeatureShard.Writer(new GZIPOutputStream(bytes, 1 << 16), covariates, grid, lastDay);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a gzip stream in memory", e);
            }
        }
    }
}
