package io.trendcast.train.global;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trendcast.train.shard.ShardFormatException;

import java.util.List;

/**
 * The trigger ingest writes after the shards of a run: which global model to fit, on which shards.
 *
 * @param seller         the seller
 * @param runId          the run
 * @param uploadId       the upload that started it
 * @param datasetVersion the dataset version of the run
 * @param source         the global model ({@code tribuo})
 * @param shards         the keys of every shard of the run, in order
 * @param covariates     the numeric covariate columns of the shards (besides price and promo)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GlobalTrigger(String seller, String runId, String uploadId, long datasetVersion, String source,
                            List<String> shards, List<String> covariates) {

    /**
     * Checks the trigger against its key.
     *
     * @throws ShardFormatException when it lacks shards or names another seller, run or model
     */
    public GlobalTrigger validated(GlobalTriggerKey key) {
        if (!key.seller().equals(seller) || !key.runId().equals(runId) || !key.source().equals(source)) {
            throw new ShardFormatException(key.key() + ": trigger is for seller '" + seller + "', run '" + runId
                    + "', model '" + source + "'");
        }
        if (shards == null || shards.isEmpty()) {
            throw new ShardFormatException(key.key() + ": trigger names no shards");
        }
        return this;
    }
}
