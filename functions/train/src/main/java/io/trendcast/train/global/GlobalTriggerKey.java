package io.trendcast.train.global;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of a global model's trigger, {@code features/{seller}/{runId}/global/{source}.json}.
 *
 * @param key    the object key
 * @param seller the seller
 * @param runId  the run
 * @param source the global model, e.g. {@code tribuo}
 */
public record GlobalTriggerKey(String key, String seller, String runId, String source) {

    private static final Pattern TRIGGER = Pattern.compile("features/([^/]+)/([^/]+)/global/([a-z0-9-]+)\\.json");

    /** The trigger key in {@code key}, or empty when {@code key} is not one. */
    public static Optional<GlobalTriggerKey> parse(String key) {
        Matcher m = TRIGGER.matcher(key);
        return m.matches() ? Optional.of(new GlobalTriggerKey(key, m.group(1), m.group(2), m.group(3)))
                : Optional.empty();
    }

    /** The key of the run manifest. */
    public String manifestKey() {
        return "datasets/" + seller + "/runs/" + runId + ".json";
    }
}
