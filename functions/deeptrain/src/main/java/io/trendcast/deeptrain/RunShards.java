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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads every shard of a run into DeepAR's inputs: one series per item and store, its quantity on the run's
 * period grid from its first period to the run's last, periods without a recorded sale being zero sales, whether the
 * shard has no row for them or an explicit gap row (empty quantity, which ingest writes for every period of the grid
 * without a sale), as the train function reads them. Series ids are the encoded {@code SeriesKey}s.
 */
final class RunShards {

    private static final Pattern PART = Pattern.compile(".*/part-(\\d+)\\.csv(\\.gz)?");

    /** The series of one shard ({@code part}: the digits of its {@code part-NNNN.csv.gz}). */
    record Shard(String part, List<SeriesInput> series) {
    }

    private RunShards() {
    }

    /** Every shard's series, in the order of {@code shardKeys}. */
    static List<Shard> read(BlobStore blobs, List<String> shardKeys, Frequency frequency, int season) {
        List<List<FeatureShard.Series>> raw = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (String key : shardKeys) {
            List<FeatureShard.Series> list = new ArrayList<>();
            try (InputStream stored = blobs.get(key);
                 InputStream in = key.endsWith(".gz") ? new GZIPInputStream(stored, 1 << 16) : stored;
                 FeatureShard.Reader reader = new FeatureShard.Reader(in, key)) {
                for (FeatureShard.Series s = reader.next(); s != null; s = reader.next()) {
                    list.add(s);
                    last = Math.max(last, s.epochDays()[s.epochDays().length - 1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shard " + key + ": " + e.getMessage(), e);
            }
            raw.add(list);
        }
        List<Shard> out = new ArrayList<>();
        for (int i = 0; i < shardKeys.size(); i++) {
            Matcher m = PART.matcher(shardKeys.get(i));
            if (!m.matches()) {
                throw new IllegalArgumentException("not a shard key (…/part-NNNN.csv.gz): " + shardKeys.get(i));
            }
            List<SeriesInput> inputs = new ArrayList<>();
            for (FeatureShard.Series s : raw.get(i)) {
                inputs.add(SeriesInput.of(onGrid(s, frequency, season, last)));
            }
            out.add(new Shard(m.group(1), inputs));
        }
        return out;
    }

    /** All shards' series in one list. */
    static List<SeriesInput> all(List<Shard> shards) {
        List<SeriesInput> all = new ArrayList<>();
        shards.forEach(s -> all.addAll(s.series()));
        return all;
    }

    private static TimeSeries onGrid(FeatureShard.Series s, Frequency frequency, int season, long last) {
        long start = s.epochDays()[0];
        double[] values = new double[(int) frequency.between(start, last) + 1];
        for (int t = 0; t < s.epochDays().length; t++) {
            double q = s.quantity()[t];
            if (!Double.isNaN(q)) {
                values[(int) frequency.between(start, s.epochDays()[t])] += q;
            }
        }
        return new TimeSeries(s.key().encode(), frequency, start, season, values);
    }
}
