package io.trendcast.train.artifact;

import io.trendcast.core.select.BacktestSummary;
import io.trendcast.train.fit.TrainedSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The model artifact of one shard, written as JSON.
 *
 * @param seller           the seller
 * @param runId            the training run
 * @param uploadId         the upload that started the run
 * @param datasetVersion   the dataset version the features came from
 * @param shardKey         the shard's object key
 * @param shardEtag        the shard's ETag as S3 reported it in the event
 * @param shardSha256      hex SHA-256 of the shard object as stored
 * @param trendcastVersion the version of the train function
 * @param trainedAt        when training finished
 * @param fallbacks        how many series got the fallback forecast
 * @param series           one entry per series
 */
public record ModelArtifact(String seller, String runId, String uploadId, long datasetVersion, String shardKey,
                            String shardEtag, String shardSha256, String trendcastVersion, String trainedAt,
                            int fallbacks, List<SeriesModel> series) {

    /**
     * What was fitted to one series.
     *
     * @param item           item id
     * @param store          store id, or {@code null}
     * @param observations   length of the gap-filled history
     * @param inputSha256    hex SHA-256 of the series' rows as read
     * @param method         {@code auto}, or {@code fallback} for the seasonal-naive stand-in
     * @param model          the served model name (the chosen candidate)
     * @param members        description of each member model
     * @param accuracy       backtest accuracy of the chosen candidate, or {@code null}
     * @param skipped        candidates that failed, with reasons
     * @param fallbackReason why the fallback was used, or {@code null}
     * @param fitMillis      time spent fitting and forecasting
     */
    public record SeriesModel(String item, String store, int observations, String inputSha256, String method,
                              String model, List<String> members, BacktestSummary accuracy, List<String> skipped,
                              String fallbackReason, long fitMillis) {
    }

    /** The artifact of {@code trained}, the series of one shard. */
    public static ModelArtifact of(ShardProvenance provenance, List<TrainedSeries> trained, Instant trainedAt) {
        List<SeriesModel> series = new ArrayList<>(trained.size());
        int fallbacks = 0;
        for (TrainedSeries t : trained) {
            fallbacks += t.isFallback() ? 1 : 0;
            series.add(new SeriesModel(t.key().item(), t.key().store(), t.history().length(), t.inputSha256(),
                    t.isFallback() ? "fallback" : "auto", t.model(), t.members(), t.accuracy(), t.skipped(),
                    t.fallbackReason(), t.fitMillis()));
        }
        return new ModelArtifact(provenance.seller(), provenance.runId(), provenance.uploadId(),
                provenance.datasetVersion(), provenance.shardKey(), provenance.shardEtag(), provenance.shardSha256(),
                provenance.trendcastVersion(), trainedAt.toString(), fallbacks, series);
    }
}
