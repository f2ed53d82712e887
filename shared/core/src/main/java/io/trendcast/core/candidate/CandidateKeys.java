package io.trendcast.core.candidate;

/**
 * Object keys of the candidate exchange. All of a run's objects live under its run id, so a rerun never touches
 * what a reader of another run uses.
 * <ul>
 *   <li>{@code features/{seller}/{run}/global/{source}.json}: the trigger ingest writes after every shard of the
 *       run, naming the shards (the train function's notification rule for it is separate from the shards'
 *       {@code .csv.gz} rule);
 *   <li>{@code features/{seller}/{run}/global/{source}.done.json}: the "results in" object a global model fitted in
 *       another function writes last ({@code local.done.json}: the run's last shard asking for the run-wide
 *       selection); its notification has the train function select the run's shards again;
 *   <li>{@code models/{seller}/{run}/local/part-NNNN.json}: the shard's local results;
 *   <li>{@code models/{seller}/{run}/global/{source}/part-NNNN.json}: a global model's results for that shard;
 *   <li>{@code models/{seller}/{run}/global/{source}/model.bin} and {@code provenance.json}: its artifact.
 * </ul>
 */
public final class CandidateKeys {

    private CandidateKeys() {
    }

    /** The trigger of global model {@code source} for a run. */
    public static String trigger(String seller, String runId, String source) {
        return "features/" + seller + "/" + runId + "/global/" + source + ".json";
    }

    /** The "results in" object of {@code source} (a global model, or local) for a run. */
    public static String done(String seller, String runId, String source) {
        return "features/" + seller + "/" + runId + "/global/" + source + ".done.json";
    }

    /** The results of {@code source} (local or global) for shard {@code part} of a run. */
    public static String results(String seller, String runId, String source, String part) {
        return CandidateResults.LOCAL.equals(source)
                ? "models/" + seller + "/" + runId + "/local/part-" + part + ".json"
                : globalFolder(seller, runId, source) + "part-" + part + ".json";
    }

    /** The folder of global model {@code source}'s objects of a run, ending in {@code /}. */
    public static String globalFolder(String seller, String runId, String source) {
        return "models/" + seller + "/" + runId + "/global/" + source + "/";
    }
}
