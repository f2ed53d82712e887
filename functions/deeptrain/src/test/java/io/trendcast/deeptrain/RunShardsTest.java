package io.trendcast.deeptrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.series.Frequency;
import io.trendcast.testing.fakes.InMemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run's shards as DeepAR reads them: on the run's weekly grid, a period without a sale is zero sales whether the
 * shard has no row for it or an explicit gap row (empty quantity, as ingest writes one for every period of the grid
 * without a sale), so DeepAR's inputs and the observations of its candidate results are those the train function's
 * local and Tribuo results hold.
 */
class RunShardsTest {

    private static final String KEY = "features/s1/r1-u1/part-0000.csv";

    private static InMemoryBlobStore shard() {
        String csv = "series_key,item,store,date,quantity,price,promo,on_hand\n"
                // a series with explicit gap rows in weeks 2 and 4 (empty quantity)
                + "a/x,a,x,2024-01-01,5,,,\n"
                + "a/x,a,x,2024-01-08,,,,\n"
                + "a/x,a,x,2024-01-15,7,,,\n"
                + "a/x,a,x,2024-01-22,,,,\n"
                + "a/x,a,x,2024-01-29,3,,,\n"
                // a series starting later, with a week that has no row at all
                + "b/x,b,x,2024-01-15,2,,,\n"
                + "b/x,b,x,2024-01-29,4,,,\n";
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        blobs.put(KEY, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        return blobs;
    }

    @Test
    void explicitGapsAndMissingRowsAreZeroSales() {
        List<RunShards.Shard> shards = RunShards.read(shard(), List.of(KEY), Frequency.WEEKLY, 52);
        assertEquals(1, shards.size());
        assertEquals("0000", shards.get(0).part());
        List<SeriesInput> series = shards.get(0).series();
        assertArrayEquals(new double[] {5, 0, 7, 0, 3}, series.get(0).series().values(), 0.0);
        assertArrayEquals(new double[] {2, 0, 4}, series.get(1).series().values(), 0.0);
    }

    @Test
    void candidateResultsCarryFiniteObservations() {
        RunShards.Shard shard = RunShards.read(shard(), List.of(KEY), Frequency.WEEKLY, 52).get(0);
        int horizon = 2;
        Map<String, Forecast> forecasts = new java.util.HashMap<>();
        Map<String, double[]> backtests = new java.util.HashMap<>();
        for (SeriesInput in : shard.series()) {
            double[] mean = {1, 1};
            double[][] lo = {{0, 0}, {0, 0}};
            double[][] hi = {{2, 2}, {3, 3}};
            forecasts.put(in.series().id(), new Forecast("deepar", mean, new double[] {80, 95}, lo, hi));
            backtests.put(in.series().id(), new double[] {1, 1});
        }
        List<String> unusable = new ArrayList<>();
        CandidateResults results = DeepTrainService.results(DeepArRunKey.parse(
                        "features/s1/r1-u1/global/deepar.json"), 1, shard, 52, horizon, "deepar", backtests,
                forecasts, unusable);
        assertTrue(unusable.isEmpty(), unusable.toString());
        SeriesCandidate a = results.series().get(0);
        assertArrayEquals(new double[] {0, 3}, a.actual(), 0.0, "the last two weeks, the gap as zero");
        for (SeriesCandidate c : results.series()) {
            assertTrue(Arrays.stream(c.actual()).allMatch(Double::isFinite), c.series());
        }
    }
}
