package io.trendcast.deeptrain;

import io.trendcast.core.candidate.CandidateKeys;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that triggers the function, {@code features/{seller}/{runId}/global/deepar.json} (the global-model trigger
 * of {@link CandidateKeys} that ingest writes after a run's shards when {@code deepar} is among its global models),
 * and the keys derived from it.
 *
 * @param seller the seller
 * @param runId  the training run
 */
public record DeepArRunKey(String seller, String runId) {

    /** The candidate source name of DeepAR's results. */
    public static final String SOURCE = "deepar";

    private static final Pattern KEY = Pattern.compile("features/([^/]+)/([^/]+)/global/" + SOURCE + "\\.json");

    /**
     * Parses a trigger key.
     *
     * @throws IllegalArgumentException when {@code key} is not {@code features/{seller}/{runId}/deepar.json}
     */
    public static DeepArRunKey parse(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a deepar trigger key (features/{seller}/{run}/global/" + SOURCE
                    + ".json): " + key);
        }
        return new DeepArRunKey(m.group(1), m.group(2));
    }

    public String manifestKey() {
        return CandidateKeys.trigger(seller, runId, SOURCE);
    }

    /** The run manifest ingest wrote before the shards (frequency, season, horizon). */
    public String runManifestKey() {
        return "datasets/" + seller + "/runs/" + runId + ".json";
    }

    /** Folder of everything this function writes for the run. */
    public String outputPrefix() {
        return CandidateKeys.globalFolder(seller, runId, SOURCE);
    }

    /**
     * The "results in" object, {@code features/{seller}/{run}/global/deepar.done.json}, written last: its
     * notification brings the train function to select the run's shards again over every source present.
     */
    public String doneKey() {
        return CandidateKeys.done(seller, runId, SOURCE);
    }

    /** Where the results for shard {@code part} go. */
    public String resultsKey(String part) {
        return CandidateKeys.results(seller, runId, SOURCE, part);
    }
}
