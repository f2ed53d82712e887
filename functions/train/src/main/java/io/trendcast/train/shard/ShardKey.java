package io.trendcast.train.shard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a feature shard, {@code features/{seller}/{runId}/part-NNNN.csv.gz}, and the keys derived from it.
 *
 * @param key    the shard's object key
 * @param seller the seller
 * @param runId  the training run
 * @param part   the shard number as written ({@code 0003}), digits only
 */
public record ShardKey(String key, String seller, String runId, String part) {

    private static final Pattern SHARD = Pattern.compile("features/([^/]+)/([^/]+)/part-(\\d{1,9})\\.csv(\\.gz)?");

    /** The shard key in {@code key}, or empty when {@code key} is not a feature shard. */
    public static Optional<ShardKey> parse(String key) {
        Matcher m = SHARD.matcher(key);
        return m.matches() ? Optional.of(new ShardKey(key, m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** The shard number. */
    public int number() {
        return Integer.parseInt(part);
    }

    /** Whether the shard is gzip-compressed (its key ends in {@code .gz}). */
    public boolean gzipped() {
        return key.endsWith(".gz");
    }

    /** The key of the run manifest, {@code datasets/{seller}/runs/{runId}.json}. */
    public String manifestKey() {
        return "datasets/" + seller + "/runs/" + runId + ".json";
    }

    /** The key of this shard's model artifact, {@code models/{seller}/{runId}/part-NNNN.json}. */
    public String artifactKey() {
        return "models/" + seller + "/" + runId + "/part-" + part + ".json";
    }
}
