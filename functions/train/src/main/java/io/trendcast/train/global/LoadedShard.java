package io.trendcast.train.global;

import io.trendcast.train.candidate.ShardSelection;
import io.trendcast.train.fit.Preparation;
import io.trendcast.train.shard.ShardKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shard of a run as the global step reads it: its series with their drivers, each prepared as the local
 * models prepare it.
 *
 * @param key        the shard
 * @param sha256     the SHA-256 of the object as stored
 * @param series     the series with their drivers, in shard order
 * @param prepared   each series prepared ({@link Preparation}), same order
 * @param covariates the shard's covariate column names
 */
record LoadedShard(ShardKey key, String sha256, List<DriverSeries> series, List<Preparation.Prepared> prepared,
                   List<String> covariates) {

    /** The shard as a run's selection takes it (its local results read from the bucket). */
    ShardSelection.ShardInput input() {
        return new ShardSelection.ShardInput(key.part(), Optional.empty(), states());
    }

    /** The series as the selection stores them, by encoded key. */
    Map<String, ShardSelection.SeriesState> states() {
        Map<String, ShardSelection.SeriesState> states = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) {
            DriverSeries d = series.get(i);
            states.put(d.series().key().encode(), new ShardSelection.SeriesState(d.series().key(), prepared.get(i),
                    d.series().onHand(), d.series().onHandDate()));
        }
        return states;
    }
}
