package io.trendcast.train.candidate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.series.Frequency;
import io.trendcast.testing.fakes.InMemoryBlobStore;
import io.trendcast.testing.fakes.InMemoryForecastStore;
import io.trendcast.train.fit.Preparation;
import io.trendcast.train.shard.RunManifest;
import io.trendcast.train.shard.ShardSeries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The selection over a run's shards, on the in-memory stores: shard 0000's own window keeps its local models (the
 * global model misses by 1.1 where they miss by 1), shard 0001's prefers the global model by far (0.2 against 1);
 * summed over the run the global model wins, and every shard is then served alike.
 */
class ShardSelectionTest {

    private static final double[] LEVELS = {80, 95};
    private static final double[] ACTUAL = {10, 12, 10, 12};
    private static final String[] PARTS = {"0000", "0001"};

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final InMemoryForecastStore forecasts = new InMemoryForecastStore();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // as Quarkus configures it
    private final CandidateStore candidates = new CandidateStore(blobs, json);
    private final ShardSelection selection = new ShardSelection(candidates, forecasts, blobs, json,
            List.of("tribuo"));
    private final RunManifest manifest = new RunManifest("s1", "r3-up", "up", 3, Frequency.WEEKLY, 52, 4, 2, 10,
            Instant.EPOCH);

    @Test
    void onceEveryShardIsInTheRunDecidesAndAShardsOwnLaterDecisionReplacesNothing() throws IOException {
        putResults(0, 1.1);
        putResults(1, 0.2);
        ShardSelection.Outcome own = selection.selectIfReady(manifest, "0000", Optional.empty(), states(0),
                Instant.EPOCH).orElseThrow();
        assertNull(own.winner(), own.toString());
        assertEquals("ets", served(0));

        List<ShardSelection.Outcome> run = selection.selectRun(manifest, inputs(), Instant.EPOCH);
        assertEquals(2, run.size());
        for (ShardSelection.Outcome o : run) {
            assertTrue(o.runWide(), o.toString());
            assertEquals("tribuo", o.winner(), o.toString());
            assertEquals(5, o.served(), o.toString());
        }
        assertEquals("global(xgboost, recursive)", served(0), "shard 0000 follows the run");
        assertTrue(record("0000").get("runWide").asBoolean());
        assertEquals((5 * 1.1 + 5 * 0.2) / 11, record("0000").get("groupErrors").get("tribuo").asDouble(), 1e-12);

        // a redelivered shard invocation decides on its own shard again: neither its forecasts nor its record win
        ShardSelection.Outcome late = selection.selectIfReady(manifest, "0000", Optional.empty(), states(0),
                Instant.EPOCH).orElseThrow();
        assertNull(late.winner());
        assertEquals("global(xgboost, recursive)", served(0));
        assertTrue(record("0000").get("runWide").asBoolean());
    }

    @Test
    void withAShardStillMissingEachReadyShardDecidesOnItsOwn() {
        putResults(0, 1.1);
        candidates.put(results("local", 1, 1));
        List<ShardSelection.Outcome> run = selection.selectRun(manifest, inputs(), Instant.EPOCH);
        assertEquals(1, run.size(), "shard 0001 has no global results yet");
        assertFalse(run.get(0).runWide());
        assertNull(run.get(0).winner());
        assertEquals("ets", served(0));
        List<ShardSelection.Outcome> onlyOne = selection.selectRun(manifest, inputs().subList(0, 1), Instant.EPOCH);
        assertFalse(onlyOne.get(0).runWide(), "one shard of two is not the run");
    }

    /**
     * The run's decision needs only the candidate results: each shard's series are asked for when that shard is
     * stored, after the shards before it (so a caller reading them then holds one shard at a time), and never for a
     * shard that is not ready.
     */
    @Test
    void eachShardsSeriesAreAskedForOnlyWhenThatShardIsStored() {
        putResults(0, 1.1);
        putResults(1, 0.2);
        List<String> asked = new ArrayList<>();
        List<ShardSelection.ShardInput> lazy = List.of(
                new ShardSelection.ShardInput(PARTS[0], Optional.empty(), () -> {
                    asked.add("0000 with nothing stored: " + forecasts.get("s1", SeriesKey.of(id(0, 0))).isEmpty());
                    return states(0);
                }),
                new ShardSelection.ShardInput(PARTS[1], Optional.empty(), () -> {
                    asked.add("0001 after 0000 is stored: " + "global(xgboost, recursive)".equals(served(0)));
                    return states(1);
                }));
        assertEquals(2, selection.selectRun(manifest, lazy, Instant.EPOCH).size());
        assertEquals(List.of("0000 with nothing stored: true", "0001 after 0000 is stored: true"), asked);
    }

    @Test
    void aShardThatIsNotReadyHasItsSeriesLeftUnread() {
        putResults(0, 1.1);
        candidates.put(results("local", 1, 1));
        List<String> asked = new ArrayList<>();
        List<ShardSelection.ShardInput> lazy = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            int k = shard;
            lazy.add(new ShardSelection.ShardInput(PARTS[k], Optional.empty(), () -> {
                asked.add(PARTS[k]);
                return states(k);
            }));
        }
        assertEquals(1, selection.selectRun(manifest, lazy, Instant.EPOCH).size());
        assertEquals(List.of("0000"), asked, "shard 0001 lacks its global results");
    }

    private void putResults(int shard, double globalMiss) {
        candidates.put(results("local", shard, 1));
        candidates.put(results("tribuo", shard, globalMiss));
    }

    private static CandidateResults results(String source, int shard, double miss) {
        List<SeriesCandidate> series = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            boolean local = source.equals("local");
            series.add(candidate(id(shard, i), local ? "ets" : "global(xgboost, recursive)", local ? 10 : 11, miss));
        }
        return CandidateResults.of(source, "s1", "r3-up", 3, PARTS[shard], 4, LEVELS, source, series);
    }

    /** A candidate forecasting {@code level} flat, whose backtest missed every observation by {@code miss}. */
    private static SeriesCandidate candidate(String id, String model, double level, double miss) {
        double[] mean = {level, level, level, level};
        double[] backtest = new double[ACTUAL.length];
        double[][] lo = new double[2][4];
        double[][] hi = new double[2][4];
        for (int t = 0; t < 4; t++) {
            backtest[t] = ACTUAL[t] - miss;
            lo[0][t] = level - 2;
            lo[1][t] = level - 4;
            hi[0][t] = level + 2;
            hi[1][t] = level + 4;
        }
        return new SeriesCandidate(id, model, mean, lo, hi, backtest, ACTUAL, 11, 2, Double.NaN, Double.NaN);
    }

    private static String id(int shard, int i) {
        return "p" + shard + "-" + i;
    }

    private List<ShardSelection.ShardInput> inputs() {
        return List.of(new ShardSelection.ShardInput(PARTS[0], Optional.empty(), states(0)),
                new ShardSelection.ShardInput(PARTS[1], Optional.empty(), states(1)));
    }

    /** The shard's series as the selection stores them: 30 weeks of sales around 11. */
    private static Map<String, ShardSelection.SeriesState> states(int shard) {
        Map<String, ShardSelection.SeriesState> out = new LinkedHashMap<>();
        Preparation preparation = new Preparation();
        for (int i = 0; i < 5; i++) {
            List<LocalDate> dates = new ArrayList<>();
            double[] q = new double[30];
            for (int w = 0; w < q.length; w++) {
                dates.add(LocalDate.of(2026, 1, 5).plusWeeks(w));
                q[w] = 10 + (w % 2) * 2;
            }
            SeriesKey key = SeriesKey.of(id(shard, i));
            out.put(key.encode(), new ShardSelection.SeriesState(key, preparation.prepare(new ShardSeries(key, dates,
                    q), Frequency.WEEKLY, 52), Double.NaN, null));
        }
        return out;
    }

    private String served(int shard) {
        return forecasts.get("s1", SeriesKey.of(id(shard, 0))).orElseThrow().model();
    }

    private JsonNode record(String part) throws IOException {
        try (InputStream in = blobs.get("models/s1/r3-up/selection/part-" + part + ".json")) {
            return json.readTree(in);
        }
    }
}
