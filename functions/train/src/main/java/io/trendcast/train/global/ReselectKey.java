package io.trendcast.train.global;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key a global model running elsewhere writes when its results are in, to have the run's shards selected again
 * with them: {@code features/{seller}/{runId}/global/{source}.done.json} (same content as the trigger: the run's
 * shard keys).
 *
 * @param key    the object key
 * @param seller the seller
 * @param runId  the run
 * @param source the global model whose results are in, e.g. {@code deepar}
 */
public record ReselectKey(String key, String seller, String runId, String source) {

    private static final Pattern DONE = Pattern.compile("features/([^/]+)/([^/]+)/global/([a-z0-9-]+)\\.done\\.json");

    /** The key in {@code key}, or empty when {@code key} is not one. */
    public static Optional<ReselectKey> parse(String key) {
        Matcher m = DONE.matcher(key);
        return m.matches() ? Optional.of(new ReselectKey(key, m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }
}
