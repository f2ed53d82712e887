package io.trendcast.local.cli;

import io.trendcast.core.exchange.ExchangeData;
import io.trendcast.core.exchange.ExchangeSeries;
import io.trendcast.core.exchange.FutureCovariates;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.ml.GlobalConfig;
import io.trendcast.ml.GlobalArtifact;
import io.trendcast.ml.TribuoGlobalForecaster;
import io.trendcast.ml.TribuoGlobalModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The global model's part of a batch: one fit across every series of the input (the batch is one seller), with the
 * input's covariate columns extended by the future-covariates file.
 */
final class GlobalStage {

    final Map<String, SeriesInput> inputs;
    final GlobalModel model;
    final double fitSeconds;
    private final Map<String, Forecast> forecasts;

    private GlobalStage(Map<String, SeriesInput> inputs, GlobalModel model, double fitSeconds, double[] levels) {
        this.inputs = inputs;
        this.model = model;
        this.fitSeconds = fitSeconds;
        this.forecasts = model == null ? Map.of() : model.forecastAll(levels);
    }

    /**
     * Fits the global model on {@code series} (already gap-filled, with their seasons), forecasting {@code horizon}.
     */
    static GlobalStage fit(ExchangeData data, Map<String, TimeSeries> series, FutureCovariates future,
                           GlobalConfig config, int horizon, double[] levels, Path artifact) throws IOException {
        return fit(data, series, future, config, horizon, levels, artifact, false);
    }

    /** As above; with {@code inputsOnly} the series and drivers are assembled but no model is fitted. */
    static GlobalStage fit(ExchangeData data, Map<String, TimeSeries> series, FutureCovariates future,
                           GlobalConfig config, int horizon, double[] levels, Path artifact, boolean inputsOnly)
            throws IOException {
        LinkedHashSet<String> names = new LinkedHashSet<>(data.covariateNames());
        names.addAll(future.names());
        List<String> columns = new ArrayList<>(names);
        Map<String, SeriesInput> inputs = new LinkedHashMap<>();
        Frequency freq = commonest(series);
        int other = 0;
        for (ExchangeSeries es : data.series()) {
            TimeSeries s = series.get(es.series().id());
            if (s == null) {
                continue;
            }
            if (s.frequency() != freq) {
                other++;
                continue;
            }
            double[][] cov = future.extend(es, data.covariateNames(), columns, horizon);
            inputs.put(s.id(), new SeriesInput(s, columns, cov, Map.of()));
        }
        if (other > 0) {
            System.err.println("warning: the global model serves the " + freq.name().toLowerCase() + " series; "
                    + other + " series of other frequencies (too few dates to tell?) get local forecasts only");
        }
        if (inputsOnly) {
            return new GlobalStage(inputs, null, 0, levels);
        }
        long t0 = System.nanoTime();
        List<SeriesInput> list = new ArrayList<>(inputs.values());
        GlobalModel model;
        if (artifact != null && Files.exists(artifact)) {
            try (InputStream in = Files.newInputStream(artifact)) {
                model = GlobalArtifact.read(in, list);
            }
            System.err.println("global model loaded from " + artifact + " (no refit)");
        } else {
            model = new TribuoGlobalForecaster(config).fit(list, horizon);
            if (artifact != null) {
                try (OutputStream out = Files.newOutputStream(artifact)) {
                    GlobalArtifact.write((TribuoGlobalModel) model, out);
                }
                System.err.println("global model saved to " + artifact);
            }
        }
        return new GlobalStage(inputs, model, (System.nanoTime() - t0) / 1e9, levels);
    }

    private static Frequency commonest(Map<String, TimeSeries> series) {
        Map<Frequency, Integer> count = new java.util.EnumMap<>(Frequency.class);
        for (TimeSeries s : series.values()) {
            count.merge(s.frequency(), 1, Integer::sum);
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The global forecast of one series, cut to {@code horizon}. */
    Forecast forecast(String id, int horizon) {
        Forecast f = forecasts.get(id);
        if (f == null) {
            throw new IllegalArgumentException("series '" + id + "' was not part of the global fit");
        }
        return f.horizon() == horizon ? f : io.trendcast.core.global.GlobalModel.cut(f, horizon);
    }
}
