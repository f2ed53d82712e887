package io.trendcast.train.candidate;

import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.select.BacktestSummary;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.train.fit.TrainedSeries;
import io.trendcast.train.shard.RunManifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A shard's local results as candidate results: each series' served forecast and its held-out fold (the forecast of
 * the last window by the candidate {@code auto} chooses without it, so that the window judges the local choice out
 * of sample, as it judges the global models), judged against the observed history (what sold, before anomalies were
 * cleaned out for fitting: a promotion's spike is what a model with drivers should be credited for predicting).
 */
public final class LocalCandidates {

    private LocalCandidates() {
    }

    /** The candidate results of the trained series of shard {@code part}. */
    public static CandidateResults of(RunManifest manifest, String part, List<TrainedSeries> trained,
                                      double[] levels) {
        List<SeriesCandidate> series = new ArrayList<>(trained.size());
        for (TrainedSeries t : trained) {
            TimeSeries history = t.observed();
            BacktestSummary acc = t.accuracy();
            series.add(SeriesCandidate.ofHistory(t.key().encode(), t.forecast().withModel(t.model()), t.heldOutFold(),
                    history.values(), history.season(), acc == null ? Double.NaN : acc.mase(),
                    acc == null ? Double.NaN : acc.wape()));
        }
        return CandidateResults.of(CandidateResults.LOCAL, manifest.seller(), manifest.runId(),
                manifest.datasetVersion(), part, manifest.horizon(), levels, "auto per series", series);
    }
}
