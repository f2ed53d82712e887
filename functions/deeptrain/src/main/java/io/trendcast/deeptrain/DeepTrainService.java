package io.trendcast.deeptrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.candidate.SeriesCandidate;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.series.Frequency;
import io.trendcast.deep.DeepArArtifact;
import io.trendcast.deep.DeepArConfig;
import io.trendcast.deep.DeepArForecaster;
import io.trendcast.deep.DeepArModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One run's DeepAR training, as a global model of the candidate exchange ({@code io.trendcast.core.candidate}):
 * reads the run's shards named by the trigger, fits DeepAR across all their series and writes under
 * {@code models/{seller}/{run}/global/deepar/}: {@code model.bin} (the artifact), one {@code CandidateResults} per
 * shard ({@code part-NNNN.json}: per series the forecast with 80/95% bounds and the backtest of the last horizon,
 * with those observations) and {@code provenance.json}; then, last, {@code features/{seller}/{run}/global/
 * deepar.done.json} (the trigger's content), whose notification makes the train function select the run's shards
 * again with DeepAR among the sources. A run whose done object exists is done: a redelivered event changes nothing
 * (a retry after a crash refits to the same result: the fit is seeded).
 */
public final class DeepTrainService {

    /** Levels of the intervals written. */
    static final double[] LEVELS = {80, 95};

    private final BlobStore blobs;
    private final DeepArConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public DeepTrainService(BlobStore blobs, DeepArConfig config) {
        this.blobs = blobs;
        this.config = config;
    }

    /**
     * What an invocation did for one run.
     *
     * @param unusable series without a DeepAR forecast (too short) or whose forecast was not finite: left out of the
     *                 results, so the selection keeps the other sources' forecasts for them
     */
    public record Result(String run, boolean alreadyDone, int series, int epochs, double seconds,
                         List<String> unusable) {
    }

    public Result train(DeepArRunKey run) {
        if (blobs.exists(run.doneKey())) {
            return new Result(run.runId(), true, 0, 0, 0, List.of());
        }
        JsonNode trigger = readJson(run.manifestKey());
        JsonNode manifest = readJson(run.runManifestKey());
        List<String> shards = new ArrayList<>();
        trigger.path("shards").forEach(n -> shards.add(n.asText()));
        if (shards.isEmpty()) {
            throw new IllegalArgumentException(run.manifestKey() + " lists no shards");
        }
        long version = trigger.path("datasetVersion").asLong(manifest.path("datasetVersion").asLong());
        Frequency frequency = Frequency.parse(manifest.path("frequency").asText());
        int season = manifest.path("season").asInt(frequency.defaultSeason());
        int horizon = manifest.path("horizon").asInt();
        if (horizon < 1) {
            throw new IllegalArgumentException(run.runManifestKey() + " has no positive horizon");
        }
        List<RunShards.Shard> parts = RunShards.read(blobs, shards, frequency, season);
        // a series too short to fit (an item first sold in the run's last period) gets no forecast: left to the
        // other sources through `unusable`
        DeepArModel model = new DeepArForecaster(config).fitModel(RunShards.all(parts), horizon);
        blobs.put(run.outputPrefix() + "model.bin", DeepArArtifact.toBytes(model), "application/octet-stream");
        Map<String, Forecast> forecasts = model.forecastAll(LEVELS);
        List<String> unusable = new ArrayList<>();
        for (RunShards.Shard shard : parts) {
            CandidateResults results = results(run, version, shard, season, horizon, model.description(),
                    model.backtest(), forecasts, unusable);
            blobs.put(run.resultsKey(shard.part()), bytes(results), "application/json");
        }
        blobs.put(run.outputPrefix() + "provenance.json",
                model.provenance().toJson(config).getBytes(StandardCharsets.UTF_8), "application/json");
        blobs.put(run.doneKey(), bytes(trigger), "application/json");
        return new Result(run.runId(), false, forecasts.size(), model.provenance().epochs(),
                model.provenance().trainingSeconds(), List.copyOf(unusable));
    }

    /**
     * One shard's candidate results. A series without a forecast (too short to fit) or whose forecast or bounds
     * are not finite is left out (and added to {@code unusable}); a backtest that is not finite is dropped, so the
     * series competes without one.
     */
    static CandidateResults results(DeepArRunKey run, long version, RunShards.Shard shard, int season, int horizon,
                                    String description, Map<String, double[]> backtests,
                                    Map<String, Forecast> forecasts, List<String> unusable) {
        List<SeriesCandidate> series = new ArrayList<>();
        for (SeriesInput in : shard.series()) {
            String id = in.series().id();
            Forecast f = forecasts.get(id);
            if (f == null || !finite(f)) {
                unusable.add(id);
                continue;
            }
            double[] backtest = backtests.get(id);
            if (backtest != null && !finite(backtest)) {
                backtest = null;
            }
            series.add(SeriesCandidate.ofHistory(id, f, backtest, in.series().values(), season, Double.NaN,
                    Double.NaN));
        }
        return CandidateResults.of(DeepArRunKey.SOURCE, run.seller(), run.runId(), version, shard.part(), horizon,
                LEVELS, description, series);
    }

    private static boolean finite(Forecast f) {
        return finite(f.mean()) && Arrays.stream(f.lower()).allMatch(DeepTrainService::finite)
                && Arrays.stream(f.upper()).allMatch(DeepTrainService::finite);
    }

    private static boolean finite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readJson(String key) {
        try (InputStream in = blobs.get(key)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** DeepAR's settings on Lambda: the defaults, with the function's epochs and paths, every festival. */
    static DeepArConfig deepArConfig(DeepTrainConfig c) {
        int minEpochs = Math.min(DeepArConfig.DEFAULT_MIN_EPOCHS, c.maxEpochs());
        return DeepArConfig.builder().maxEpochs(c.maxEpochs()).minEpochs(minEpochs).samplePaths(c.samplePaths())
                .holidays(HolidayCalendar.forCountry("GLOBAL")).build();
    }
}
