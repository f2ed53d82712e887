package io.trendcast.train.candidate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.CandidateSelection;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.select.BacktestSummary;
import io.trendcast.train.fit.Preparation;
import io.trendcast.train.fit.StoredForecasts;
import io.trendcast.train.fit.TrainedSeries;
import io.trendcast.train.shard.RunManifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the selection of a shard when its local results and at least one global model's results are in the bucket;
 * both the shard's invocation (after writing its local results) and the global step (after writing its results)
 * call it, so whichever comes second selects (S3 reads its own and others' writes consistently, so at least one of
 * two racing writers sees both). Once every shard of the run has its results, the run is selected again with the
 * group decision made over all shards ({@link #selectRun}). The chosen forecasts replace the served ones
 * conditionally: same dataset version and a selection of at least the same rank ({@link
 * ForecastStore#putAll(java.util.Collection, int)}); a duplicate run writes the same values again. The choice per
 * series, with the summed backtest errors that decided, is written to
 * {@code models/{seller}/{run}/selection/part-NNNN.json}.
 */
public final class ShardSelection {

    private final CandidateStore candidates;
    private final ForecastStore forecasts;
    private final BlobStore blobs;
    private final ObjectMapper json;
    private final List<String> globalSources;

    /** @param globalSources the global models whose results are looked for, e.g. {@code tribuo} */
    public ShardSelection(CandidateStore candidates, ForecastStore forecasts, BlobStore blobs, ObjectMapper json,
                          List<String> globalSources) {
        this.candidates = candidates;
        this.forecasts = forecasts;
        this.blobs = blobs;
        this.json = json;
        this.globalSources = List.copyOf(globalSources);
    }

    /**
     * A series as the selection needs it to store a forecast.
     *
     * @param key        item and optional store
     * @param prepared   its observed and cleaned history
     * @param onHand     the last stock level, or {@code NaN}
     * @param onHandDate its date, or {@code null}
     */
    public record SeriesState(SeriesKey key, Preparation.Prepared prepared, double onHand, LocalDate onHandDate) {

        /** The state of a locally trained series. */
        public static SeriesState of(TrainedSeries t) {
            return new SeriesState(t.key(), new Preparation.Prepared(t.observed(), t.anomalies(), t.history()),
                    t.onHand(), t.onHandDate());
        }
    }

    /** What a selection did, for the log and the tests. */
    public record Outcome(String part, int completeness, boolean runWide, String winner, int series, int served) {
        @Override
        public String toString() {
            return "part " + part + ": selection over " + completeness + " sources" + (runWide ? " run-wide" : "")
                    + ", " + (winner == null ? "local models kept" : winner + " serves " + served + " of " + series
                    + " series");
        }
    }

    /**
     * A shard as {@link #selectRun} needs it.
     *
     * @param part   the shard number as written
     * @param local  its local results when the caller has them, otherwise read from the bucket
     * @param series every series of the shard, by encoded key: asked for once, when the shard is selected (after the
     *               shards before it are stored), so a caller may read each shard only then and hold one at a time
     */
    public record ShardInput(String part, Optional<CandidateResults> local, Supplier<Map<String, SeriesState>> series) {

        /** A shard whose series are already in memory. */
        public ShardInput(String part, Optional<CandidateResults> local, Map<String, SeriesState> series) {
            this(part, local, () -> series);
        }
    }

    /**
     * Selects shard {@code part} when it can, the group decision made on the shard alone.
     *
     * @param local  the shard's local results when the caller has them, otherwise read from the bucket
     * @param series every series of the shard, by encoded key
     * @return empty when the local results or every global model's results are missing
     */
    public Optional<Outcome> selectIfReady(RunManifest manifest, String part, Optional<CandidateResults> local,
                                           Map<String, SeriesState> series, Instant now) {
        Results r = load(manifest, part, local);
        if (!r.ready()) {
            return Optional.empty();
        }
        return Optional.of(apply(manifest, part, CandidateSelection.select(r.local(), r.globals()), series, now));
    }

    /**
     * Selects every shard of {@code shards} that can be selected. When they are all the shards of the run, and
     * every one has its local results and results of the same global sources, the group decision is the run's: each
     * source's errors summed over all shards ({@link CandidateSelection#groupErrors}); such a selection outranks a
     * shard's own over the same sources ({@link CandidateSelection.Selection#rank()}), so whichever step completes
     * the run (the last shard's invocation, a global step, a reselection) leaves every shard selected alike.
     * Otherwise each shard that can be is selected on its own, as by {@link #selectIfReady}. The decision needs only
     * the candidate results; each shard's series are asked for when that shard is stored, one shard after another.
     */
    public List<Outcome> selectRun(RunManifest manifest, List<ShardInput> shards, Instant now) {
        List<Results> loaded = new ArrayList<>(shards.size());
        for (ShardInput s : shards) {
            loaded.add(load(manifest, s.part(), s.local()));
        }
        boolean runWide = shards.stream().map(ShardInput::part).distinct().count() == manifest.shards()
                && loaded.stream().allMatch(Results::ready)
                && loaded.stream().map(Results::sources).distinct().count() == 1;
        Map<String, double[]> run = runWide ? new LinkedHashMap<>() : null;
        if (runWide) {
            for (Results r : loaded) {
                CandidateSelection.groupErrors(r.local(), r.globals()).forEach((source, sums) -> run.merge(source,
                        sums.clone(), (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}));
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            Results r = loaded.get(i);
            if (r.ready()) {
                out.add(apply(manifest, shards.get(i).part(), CandidateSelection.select(r.local(), r.globals(), run),
                        shards.get(i).series().get(), now));
            }
        }
        return out;
    }

    /** A shard's candidate results as found. */
    private record Results(CandidateResults local, List<CandidateResults> globals) {

        boolean ready() {
            return local != null && !globals.isEmpty();
        }

        List<String> sources() {
            return globals.stream().map(CandidateResults::source).toList();
        }
    }

    private Results load(RunManifest manifest, String part, Optional<CandidateResults> local) {
        Optional<CandidateResults> loc = local.isPresent() ? local
                : candidates.get(manifest.seller(), manifest.runId(), CandidateResults.LOCAL, part);
        List<CandidateResults> globals = new ArrayList<>();
        if (loc.isPresent()) {
            for (String source : globalSources) {
                candidates.get(manifest.seller(), manifest.runId(), source, part).ifPresent(globals::add);
            }
        }
        return new Results(loc.orElse(null), globals);
    }

    private Outcome apply(RunManifest manifest, String part, CandidateSelection.Selection selection,
                          Map<String, SeriesState> series, Instant now) {
        List<StoredForecast> stored = new ArrayList<>(selection.choices().size());
        int served = 0;
        List<Map<String, Object>> record = new ArrayList<>();
        for (CandidateSelection.Choice c : selection.choices()) {
            SeriesState s = series.get(c.series());
            if (s == null) {
                throw new IllegalStateException("part " + part + ": series '" + c.series() + "' has local results "
                        + "but is not in the shard");
            }
            served += CandidateResults.LOCAL.equals(c.source()) ? 0 : 1;
            TrainedSeries t = new TrainedSeries(s.key(), s.prepared().history(), "", c.forecast(),
                    c.forecast().model(), List.of(c.source()), new BacktestSummary(1, c.mase(), Double.NaN, c.wape()),
                    List.of(), null, 0, s.prepared().observed(), s.prepared().anomalies(), s.onHand(),
                    s.onHandDate());
            stored.add(StoredForecasts.of(manifest.seller(), manifest.runId(), t, now));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("series", c.series());
            row.put("source", c.source());
            row.put("model", c.forecast().model());
            record.add(row);
        }
        forecasts.putAll(stored, selection.rank());
        writeRecord(manifest, part, selection, record, now);
        return new Outcome(part, selection.completeness(), selection.runWide(), selection.winner(), stored.size(),
                served);
    }

    private void writeRecord(RunManifest manifest, String part, CandidateSelection.Selection selection,
                             List<Map<String, Object>> rows, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seller", manifest.seller());
        doc.put("runId", manifest.runId());
        doc.put("datasetVersion", manifest.datasetVersion());
        doc.put("part", part);
        doc.put("completeness", selection.completeness());
        doc.put("runWide", selection.runWide());
        doc.put("winner", selection.winner());
        doc.put("groupErrors", selection.groupErrors());
        doc.put("selectedAt", now.toString());
        doc.put("series", rows);
        String key = "models/" + manifest.seller() + "/" + manifest.runId() + "/selection/part-" + part + ".json";
        if (storedRank(key) > selection.rank()) {
            return; // as the served forecasts: a later, lesser selection does not replace the record of a greater
        }
        try {
            blobs.put(key, json.writeValueAsBytes(doc), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(key + ": cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The rank of the selection record at {@code key}, or -1 when there is none. */
    private int storedRank(String key) {
        try (InputStream in = blobs.get(key)) {
            JsonNode doc = json.readTree(in);
            return CandidateSelection.Selection.rank(doc.path("completeness").asInt(),
                    doc.path("runWide").asBoolean());
        } catch (NotFoundException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(key + ": cannot be read", e);
        }
    }
}
