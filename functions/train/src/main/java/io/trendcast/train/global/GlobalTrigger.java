package io.trendcast.train.global;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.train.shard.ShardFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        return validated(key.key(), key.seller(), key.runId(), key.source());
    }

    /**
     * Checks the trigger read from {@code objectKey} against the seller, run and model its key names.
     *
     * @throws ShardFormatException when it lacks shards or names another seller, run or model
     */
    public GlobalTrigger validated(String objectKey, String keySeller, String keyRun, String keySource) {
        if (!keySeller.equals(seller) || !keyRun.equals(runId) || !keySource.equals(source)) {
            throw new ShardFormatException(objectKey + ": trigger is for seller '" + seller + "', run '" + runId
                    + "', model '" + source + "'");
        }
        if (shards == null || shards.isEmpty()) {
            throw new ShardFormatException(objectKey + ": trigger names no shards");
        }
        return this;
    }

    /**
     * The trigger-format document at {@code key}, unchecked.
     *
     * @throws ShardFormatException when it is gone or not a trigger
     */
    static GlobalTrigger read(BlobStore blobs, ObjectMapper json, String key) {
        try (InputStream in = blobs.get(key)) {
            return json.readValue(in, GlobalTrigger.class);
        } catch (NotFoundException e) {
            throw new ShardFormatException(key + ": the trigger object is gone", e);
        } catch (JsonProcessingException e) {
            throw new ShardFormatException(key + ": not a global trigger: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }
}
