package io.trendcast.deeptrain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that triggers the function, {@code features/{seller}/{runId}/deepar.json}, and the keys derived from it.
 *
 * @param seller the seller
 * @param runId  the training run
 */
public record DeepArRunKey(String seller, String runId) {

    /** File name of the trigger object ingest writes after all shards of a run. */
    public static final String MANIFEST = "deepar.json";

    private static final Pattern KEY = Pattern.compile("features/([^/]+)/([^/]+)/" + Pattern.quote(MANIFEST));

    /**
     * Parses a trigger key.
     *
     * @throws IllegalArgumentException when {@code key} is not {@code features/{seller}/{runId}/deepar.json}
     */
    public static DeepArRunKey parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a deepar trigger key (features/{seller}/{run}/" + MANIFEST
                    + "): " + key);
        }
        return new DeepArRunKey(m.group(1), m.group(2));
    }

    public String manifestKey() {
        return "features/" + seller + "/" + runId + "/" + MANIFEST;
    }

    /** The run manifest ingest wrote before the shards (frequency, season, horizon). */
    public String runManifestKey() {
        return "datasets/" + seller + "/runs/" + runId + ".json";
    }

    /** Folder of everything this function writes for the run. */
    public String outputPrefix() {
        return "models/" + seller + "/" + runId + "/deepar/";
    }
}
