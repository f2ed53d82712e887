package io.trendcast.train.shard;

import io.trendcast.core.upload.FeatureShard;
import io.trendcast.core.upload.SalesFormatException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FeatureShardReader} over the core's {@link FeatureShard.Reader}, the same code that ingest writes shards
 * with, so the two functions cannot drift apart on the format. The quantity is taken (the local models use it
 * alone) and the last reported stock level (for inventory advice).
 */
public final class CoreFeatureShardReader implements FeatureShardReader {

    @Override
    public List<ShardSeries> read(InputStream in, String name) {
        List<ShardSeries> out = new ArrayList<>();
        try (FeatureShard.Reader reader = new FeatureShard.Reader(new KeepOpen(in), name)) {
            FeatureShard.Series s;
            while ((s = reader.next()) != null) {
                List<LocalDate> dates = new ArrayList<>(s.epochDays().length);
                for (int day : s.epochDays()) {
                    dates.add(LocalDate.ofEpochDay(day));
                }
                out.add(ShardSeries.withStock(s.key(), dates, s.quantity(), s.onHand()));
            }
        } catch (SalesFormatException | IllegalArgumentException e) {
            throw new ShardFormatException(e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ShardFormatException(name + ": the shard holds no series");
        }
        return out;
    }

    /** The caller owns the stream: closing the reader must not close it. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes the underlying stream
        }
    }
}
