package io.trendcast.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Generates feature shards in the format agreed with the ingest function ({@code series_key,item,store,date,
 * quantity,price,promo,on_hand[,covariates]}, gzip) and their run manifest: daily series with a weekly pattern, a
 * trend per series, Poisson-like noise, and some dates left out (no row) to exercise gap filling.
 */
public final class ShardFixture {

    private final String seller;
    private final String runId;
    private final String uploadId;
    private final LocalDate start;
    private final int days;
    private final int horizon;
    private final int shards;

    public ShardFixture(String seller, String runId, String uploadId, LocalDate start, int days, int horizon,
                        int shards) {
        this.seller = seller;
        this.runId = runId;
        this.uploadId = uploadId;
        this.start = start;
        this.days = days;
        this.horizon = horizon;
        this.shards = shards;
    }

    /** The key of shard {@code part}. */
    public String shardKey(int part) {
        return String.format("features/%s/%s/part-%04d.csv.gz", seller, runId, part);
    }

    /** The manifest key. */
    public String manifestKey() {
        return "datasets/" + seller + "/runs/" + runId + ".json";
    }

    /** The run manifest as JSON, for {@code series} series over all shards. */
    public String manifest(int series) {
        return "{\"seller\":\"" + seller + "\",\"runId\":\"" + runId + "\",\"uploadId\":\"" + uploadId + "\","
                + "\"datasetVersion\":3,\"frequency\":\"DAILY\",\"season\":7,\"horizon\":" + horizon + ","
                + "\"shards\":" + shards + ",\"series\":" + series + ",\"createdAt\":\"2024-12-01T08:15:30Z\"}";
    }

    /**
     * A gzipped shard of the given items; item {@code i} sells at level {@code 20 + 5i} with growth
     * {@code slope[i]} per day. Items with an even index are sold at store {@code st-1}, the others without store.
     * Every 17th day has no row.
     */
    public byte[] shard(String[] items, double[] slope, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("series_key,item,store,date,quantity,price,promo,on_hand,temperature\n");
        for (int i = 0; i < items.length; i++) {
            String store = i % 2 == 0 ? "st-1" : "";
            String key = store.isEmpty() ? items[i] : items[i] + "/" + store;
            for (int d = 0; d < days; d++) {
                if (d % 17 == 5) {
                    continue;
                }
                LocalDate date = start.plusDays(d);
                double weekly = date.getDayOfWeek().getValue() >= 6 ? 1.5 : 1.0;
                double level = (20 + 5 * i + slope[i] * d) * weekly;
                long quantity = Math.max(0, Math.round(level + random.nextGaussian() * Math.sqrt(level)));
                csv.append(key).append(',').append(items[i]).append(',').append(store).append(',').append(date)
                        .append(',').append(quantity).append(",9.99,").append(d % 30 == 0 ? 1 : 0)
                        .append(",100,").append(12.5).append('\n');
            }
        }
        return gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A gzipped shard whose sales are driven by promotions: item {@code i} sells {@code 20 + 5i} a day (1.5 times
     * that at weekends), 2.5 times as much on promotion days (about one day in four, at random, at a quarter off a price that varies from day to day),
     * with Poisson-like noise. Local models cannot know the promotion days; the global model reads the flag.
     */
    public byte[] promoShard(String[] items, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("series_key,item,store,date,quantity,price,promo,on_hand,temperature\n");
        for (int i = 0; i < items.length; i++) {
            for (int d = 0; d < days; d++) {
                LocalDate date = start.plusDays(d);
                boolean promo = random.nextDouble() < 0.25;
                double weekly = date.getDayOfWeek().getValue() >= 6 ? 1.5 : 1.0;
                double level = (20 + 5 * i) * weekly * (promo ? 2.5 : 1);
                long quantity = Math.max(0, Math.round(level + random.nextGaussian() * Math.sqrt(level)));
                double price = Math.round((8.99 + 2 * random.nextDouble()) * (promo ? 0.75 : 1) * 100) / 100.0;
                csv.append(items[i]).append(',').append(items[i]).append(",,").append(date).append(',')
                        .append(quantity).append(',').append(price).append(',')
                        .append(promo ? 1 : 0).append(",,").append(15 + 10 * Math.sin(d / 20.0)).append('\n');
            }
        }
        return gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The global model's trigger for this run's first {@code shards} shards, as ingest writes it. */
    public String trigger(int shardCount) {
        StringBuilder keys = new StringBuilder();
        for (int p = 0; p < shardCount; p++) {
            keys.append(p > 0 ? "," : "").append('"').append(shardKey(p)).append('"');
        }
        return "{\"seller\":\"" + seller + "\",\"runId\":\"" + runId + "\",\"uploadId\":\"" + uploadId + "\","
                + "\"datasetVersion\":3,\"source\":\"tribuo\",\"shards\":[" + keys + "],"
                + "\"covariates\":[\"temperature\"]}";
    }

    /** The key of the run's trigger for the global model. */
    public String triggerKey() {
        return "features/" + seller + "/" + runId + "/global/tribuo.json";
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
