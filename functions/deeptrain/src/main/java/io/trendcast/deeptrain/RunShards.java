package io.trendcast.deeptrain;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.upload.FeatureShard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads every shard of a run into DeepAR's inputs: one series per item and store, its quantity on the run's
 * period grid from its first period to the run's last, periods without a row being zero sales (as the train
 * function reads them). Series ids are the encoded {@code SeriesKey}s.
 */
final class RunShards {

    private RunShards() {
    }

    static List<SeriesInput> read(BlobStore blobs, List<String> shardKeys, Frequency frequency, int season) {
        List<FeatureShard.Series> all = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (String key : shardKeys) {
            try (InputStream raw = blobs.get(key);
                 InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                 FeatureShard.Reader reader = new FeatureShard.Reader(in, key)) {
                FeatureShard.Series s;
                while ((s = reader.next()) != null) {
                    all.add(s);
                    last = Math.max(last, s.epochDays()[s.epochDays().length - 1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shard " + key + ": " + e.getMessage(), e);
            }
        }
        List<SeriesInput> inputs = new ArrayList<>(all.size());
        for (FeatureShard.Series s : all) {
            long start = s.epochDays()[0];
            int n = (int) frequency.between(start, last) + 1;
            double[] values = new double[n];
            Arrays.fill(values, 0);
            for (int t = 0; t < s.epochDays().length; t++) {
                int i = (int) frequency.between(start, s.epochDays()[t]);
                values[i] += s.quantity()[t];
            }
            inputs.add(SeriesInput.of(new TimeSeries(s.key().encode(), frequency, start, season, values)));
        }
        return inputs;
    }
}
