package io.trendcast.train.global;

import io.trendcast.core.upload.FeatureShard;
import io.trendcast.core.upload.SalesFormatException;
import io.trendcast.train.shard.ShardFormatException;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads every series of a (decompressed) shard with its drivers, through the core's {@link FeatureShard.Reader}. */
final class DriverShardReader {

    private DriverShardReader() {
    }

    /** The series of the shard and its covariate column names. */
    record Shard(List<DriverSeries> series, List<String> covariates) {
    }

    /** Reads {@code in} (not closed); {@code name} is the shard's key for messages. */
    static Shard read(InputStream in, String name) {
        List<DriverSeries> out = new ArrayList<>();
        try (FeatureShard.Reader reader = new FeatureShard.Reader(new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller closes the underlying stream
            }
        }, name)) {
            FeatureShard.Series s;
            while ((s = reader.next()) != null) {
                out.add(DriverSeries.of(s));
            }
            if (out.isEmpty()) {
                throw new ShardFormatException(name + ": the shard holds no series");
            }
            return new Shard(out, reader.covariates());
        } catch (SalesFormatException | IllegalArgumentException e) {
            throw new ShardFormatException(e.getMessage(), e);
        }
    }
}
