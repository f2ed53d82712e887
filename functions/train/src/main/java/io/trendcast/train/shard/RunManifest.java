package io.trendcast.train.shard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trendcast.core.series.Frequency;

import java.time.Instant;

/**
 * The manifest ingest writes for a training run before its shards ({@code datasets/{seller}/runs/{runId}.json}).
 *
 * @param seller         the seller
 * @param runId          the run
 * @param uploadId       the upload that started the run
 * @param datasetVersion the seller's dataset version the features were built from
 * @param frequency      the series frequency ({@code DAILY}, {@code WEEKLY}…)
 * @param season         the seasonal period the models use
 * @param horizon        the number of periods to forecast
 * @param shards         how many shards the run has
 * @param series         how many series the run has, over all shards
 * @param createdAt      when ingest wrote the manifest
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunManifest(String seller, String runId, String uploadId, long datasetVersion, Frequency frequency,
                          int season, int horizon, int shards, int series, Instant createdAt) {

    /**
     * Checks the values a training invocation relies on.
     *
     * @throws ShardFormatException naming the first value that is missing or out of range
     */
    public RunManifest validated(String key) {
        if (seller == null || runId == null || uploadId == null) {
            throw new ShardFormatException(key + ": manifest lacks seller, runId or uploadId");
        }
        if (frequency == null || !frequency.isCalendar()) {
            throw new ShardFormatException(key + ": frequency must be a calendar frequency (DAILY, WEEKLY, "
                    + "MONTHLY, QUARTERLY, YEARLY), was " + frequency);
        }
        if (season < 1 || horizon < 1 || shards < 1) {
            throw new ShardFormatException(key + ": season, horizon and shards must be at least 1, were "
                    + season + ", " + horizon + ", " + shards);
        }
        return this;
    }
}
