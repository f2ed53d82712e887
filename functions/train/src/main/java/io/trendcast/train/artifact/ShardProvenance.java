package io.trendcast.train.artifact;

/**
 * Where a shard's models come from.
 *
 * @param seller           the seller
 * @param runId            the training run
 * @param uploadId         the upload that started the run
 * @param datasetVersion   the dataset version the features came from
 * @param shardKey         the shard's object key
 * @param shardEtag        the shard's ETag from the event
 * @param shardSha256      hex SHA-256 of the shard object as stored
 * @param trendcastVersion the version of the train function
 */
public record ShardProvenance(String seller, String runId, String uploadId, long datasetVersion, String shardKey,
                              String shardEtag, String shardSha256, String trendcastVersion) {
}
