package io.trendcast.train.shard;

import java.io.InputStream;
import java.util.List;

/**
 * Reads the series of one feature shard (the CSV ingest writes, {@code series_key,item,store,date,quantity,price,
 * promo,on_hand[,covariates]}). Covariates are not read: the local models the train function fits use the
 * quantity alone.
 */
public interface FeatureShardReader {

    /**
     * The series of the shard, in the order they first appear.
     *
     * @param in      the shard's content, already decompressed; not closed
     * @param name    the shard's key, for error messages
     * @throws ShardFormatException when the content is not a shard
     */
    List<ShardSeries> read(InputStream in, String name);
}
