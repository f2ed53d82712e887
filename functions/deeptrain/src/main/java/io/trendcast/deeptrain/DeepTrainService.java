package io.trendcast.deeptrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;

/**
 * One run's DeepAR training: reads the run's shards, fits DeepAR across all its series and writes, under
 * {@code models/{seller}/{run}/deepar/}: {@code model.tcd} (the artifact), {@code provenance.json} and, last,
 * {@code forecasts.json} (per series: model, point forecast, 80/95% bounds, p10/p50/p90 and the backtest of the
 * last horizon that {@code auto} compares with its local choice). A run whose {@code forecasts.json} exists is done:
 * a redelivered event changes nothing (and a retry after a crash refits to the same result: the fit is seeded).
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

    /** What an invocation did for one run. */
    public record Result(String run, boolean alreadyDone, int series, int epochs, double seconds) {
    }

    public Result train(DeepArRunKey run) {
        String done = run.outputPrefix() + "forecasts.json";
        if (blobs.exists(done)) {
            return new Result(run.runId(), true, 0, 0, 0);
        }
        JsonNode trigger = readJson(run.manifestKey());
        JsonNode manifest = readJson(run.runManifestKey());
        List<String> shards = new ArrayList<>();
        trigger.path("shards").forEach(n -> shards.add(n.asText()));
        if (shards.isEmpty()) {
            throw new IllegalArgumentException(run.manifestKey() + " lists no shards");
        }
        Frequency frequency = Frequency.parse(manifest.path("frequency").asText());
        int season = manifest.path("season").asInt(frequency.defaultSeason());
        int horizon = manifest.path("horizon").asInt();
        if (horizon < 1) {
            throw new IllegalArgumentException(run.runManifestKey() + " has no positive horizon");
        }
        List<SeriesInput> inputs = RunShards.read(blobs, shards, frequency, season);
        DeepArModel model = new DeepArForecaster(config).fitModel(inputs, horizon);
        blobs.put(run.outputPrefix() + "model.tcd", DeepArArtifact.toBytes(model), "application/octet-stream");
        blobs.put(run.outputPrefix() + "provenance.json",
                model.provenance().toJson(config).getBytes(StandardCharsets.UTF_8), "application/json");
        blobs.put(done, forecasts(run, model, horizon), "application/json");
        return new Result(run.runId(), false, inputs.size(), model.provenance().epochs(),
                model.provenance().trainingSeconds());
    }

    private byte[] forecasts(DeepArRunKey run, DeepArModel model, int horizon) {
        ObjectNode root = json.createObjectNode();
        root.put("seller", run.seller());
        root.put("runId", run.runId());
        root.put("method", "deepar");
        root.put("model", model.description());
        root.put("horizon", horizon);
        ArrayNode series = root.putArray("series");
        Map<String, Forecast> all = model.forecastAll(LEVELS);
        for (Map.Entry<String, Forecast> e : all.entrySet()) {
            Forecast f = e.getValue();
            ObjectNode s = series.addObject();
            s.put("series", e.getKey());
            numbers(s.putArray("mean"), f.mean());
            numbers(s.putArray("lo80"), f.lower()[0]);
            numbers(s.putArray("hi80"), f.upper()[0]);
            numbers(s.putArray("lo95"), f.lower()[1]);
            numbers(s.putArray("hi95"), f.upper()[1]);
            numbers(s.putArray("p10"), model.quantile(e.getKey(), 0.1));
            numbers(s.putArray("p50"), model.quantile(e.getKey(), 0.5));
            numbers(s.putArray("p90"), model.quantile(e.getKey(), 0.9));
            double[] bt = model.backtest().get(e.getKey());
            if (bt == null) {
                s.putNull("backtest");
            } else {
                numbers(s.putArray("backtest"), bt);
            }
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
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
        return DeepArConfig.builder().maxEpochs(c.maxEpochs()).samplePaths(c.samplePaths())
                .holidays(HolidayCalendar.forCountry("GLOBAL")).build();
    }
}
