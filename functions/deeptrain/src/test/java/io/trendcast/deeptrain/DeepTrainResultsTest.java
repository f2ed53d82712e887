package io.trendcast.deeptrain;

import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A series whose DeepAR forecast is not finite is left to the other sources instead of failing the whole run. */
class DeepTrainResultsTest {

    private static final int H = 3;

    @Test
    void seriesWithoutAFiniteForecastAreLeftOutAndNonFiniteBacktestsDropped() {
        List<SeriesInput> inputs = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            double[] v = new double[20];
            for (int t = 0; t < v.length; t++) {
                v[t] = 10 + t % 4;
            }
            inputs.add(SeriesInput.of(new TimeSeries(id, Frequency.WEEKLY, 0, 4, v)));
        }
        RunShards.Shard shard = new RunShards.Shard("0000", inputs);
        Map<String, Forecast> forecasts = Map.of(
                "a", forecast(new double[] {1, 2, 3}, 0),
                "b", forecast(new double[] {1, Double.NaN, 3}, 0),
                "c", forecast(new double[] {1, 2, 3}, Double.POSITIVE_INFINITY),
                "d", forecast(new double[] {4, 5, 6}, 0));
        Map<String, double[]> backtests = Map.of("a", new double[] {10, 11, 12}, "d", new double[] {10, Double.NaN, 12});
        List<String> unusable = new ArrayList<>();
        DeepArRunKey run = DeepArRunKey.parse("features/s1/run-1/global/deepar.json");
        CandidateResults r = DeepTrainService.results(run, 3, shard, 4, H, "deepar(test)", backtests, forecasts,
                unusable);
        assertEquals(List.of("b", "c"), unusable);
        assertEquals(List.of("a", "d"), r.series().stream().map(c -> c.series()).toList());
        assertTrue(r.series().get(0).hasBacktest());
        assertFalse(r.series().get(1).hasBacktest(), "a backtest with a NaN is no backtest");
    }

    private static Forecast forecast(double[] mean, double spread) {
        double[][] lo = new double[2][H];
        double[][] hi = new double[2][H];
        for (int l = 0; l < 2; l++) {
            for (int k = 0; k < H; k++) {
                lo[l][k] = mean[k] - 1 - spread;
                hi[l][k] = mean[k] + 1 + spread;
            }
        }
        return new Forecast("deepar(test)", mean, new double[] {80, 95}, lo, hi);
    }
}
