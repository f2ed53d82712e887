package io.trendcast.local.cli;

import io.trendcast.core.exchange.ExchangeData;
import io.trendcast.core.exchange.ExchangeSeries;
import io.trendcast.core.exchange.FutureCovariates;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
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
import java.util.Locale;
import java.util.Map;

/**
 * The global model's part of a batch (the batch is one seller): one fit per group of series sharing a frequency and
 * seasonal period (at least {@value #MIN_GROUP} series; smaller groups stay local), with the input's covariate
 * columns extended by the future-covariates file.
 */
final class GlobalStage {

    /** Smallest group that gets a global model. */
    static final int MIN_GROUP = 5;

    final Map<String, SeriesInput> inputs;
    final List<SeriesInput> allInputs;
    final List<GlobalModel> models;
    final double fitSeconds;
    private final Map<String, GlobalModel> modelOf;
    private final Map<String, Forecast> forecasts;

    private GlobalStage(List<SeriesInput> allInputs, Map<String, SeriesInput> inputs, Map<String, GlobalModel> modelOf,
                        List<GlobalModel> models, double fitSeconds, double[] levels) {
        this.allInputs = List.copyOf(allInputs);
        this.inputs = inputs;
        this.modelOf = modelOf;
        this.models = List.copyOf(models);
        this.fitSeconds = fitSeconds;
        this.forecasts = new LinkedHashMap<>();
        for (GlobalModel m : models) {
            forecasts.putAll(m.forecastAll(levels));
        }
    }

    /**
     * Fits the global models on {@code series} (already gap-filled, with their seasons), each group forecasting the
     * longest horizon of its members.
     *
     * @param artifact   when given: loaded when it exists (no refit), otherwise written after the fit; the i-th
     *                   group (i ≥ 1) uses the same name with the suffix {@code .i}
     * @param inputsOnly assemble the series and drivers but fit nothing
     */
    static GlobalStage fit(ExchangeData data, Map<String, TimeSeries> series, Map<String, Integer> horizons,
                           FutureCovariates future, GlobalConfig config, double[] levels, Path artifact,
                           boolean inputsOnly) throws IOException {
        return fit(data, series, horizons, future, (list, horizon, file) -> fitOrLoad(list, config, horizon, file),
                levels, artifact, inputsOnly);
    }

    /** Fits (or loads) one group's model; {@code artifact} may be null. */
    @FunctionalInterface
    interface Fitter {
        GlobalModel fitOrLoad(List<SeriesInput> group, int horizon, Path artifact) throws IOException;
    }

    /** {@link #fit(ExchangeData, Map, Map, FutureCovariates, GlobalConfig, double[], Path, boolean)} with any model. */
    static GlobalStage fit(ExchangeData data, Map<String, TimeSeries> series, Map<String, Integer> horizons,
                           FutureCovariates future, Fitter fitter, double[] levels, Path artifact,
                           boolean inputsOnly) throws IOException {
        LinkedHashSet<String> names = new LinkedHashSet<>(data.covariateNames());
        names.addAll(future.names());
        List<String> columns = new ArrayList<>(names);
        Map<String, List<SeriesInput>> groups = new LinkedHashMap<>();
        Map<String, Integer> groupHorizon = new LinkedHashMap<>();
        for (ExchangeSeries es : data.series()) {
            TimeSeries s = series.get(es.series().id());
            if (s == null) {
                continue;
            }
            String key = s.frequency().name().toLowerCase(Locale.ROOT) + ", season " + s.season();
            int h = horizons.getOrDefault(s.id(), 1);
            groupHorizon.merge(key, h, Math::max);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new SeriesInput(s, columns,
                    future.extend(es, data.covariateNames(), columns, h), Map.of()));
        }
        List<SeriesInput> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        Map<String, SeriesInput> inputs = new LinkedHashMap<>();
        Map<String, GlobalModel> modelOf = new LinkedHashMap<>();
        List<GlobalModel> models = new ArrayList<>();
        long t0 = System.nanoTime();
        int index = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, List<SeriesInput>> g : groups.entrySet()) {
            List<SeriesInput> list = g.getValue();
            if (list.size() < MIN_GROUP) {
                System.err.println("warning: " + list.size() + " " + g.getKey() + " series are too few for a "
                        + "global model; they get local forecasts only");
                continue;
            }
            if (inputsOnly) {
                for (SeriesInput in : list) {
                    inputs.put(in.series().id(), in);
                }
                continue;
            }
            Path file = artifact == null ? null : index == 0 ? artifact
                    : artifact.resolveSibling(artifact.getFileName() + "." + index);
            index++;
            GlobalModel model;
            try {
                model = fitter.fitOrLoad(list, groupHorizon.get(g.getKey()), file);
            } catch (RuntimeException e) {
                // one group that cannot be fitted (e.g. items with a single sale, read at another frequency) costs
                // its own series the global model, not every group's
                failed.add(list.size() + " " + g.getKey() + " series (" + e.getMessage() + ")");
                System.err.println("warning: no global model for the " + list.size() + " " + g.getKey()
                        + " series (" + e.getMessage() + "); they get local forecasts");
                continue;
            }
            models.add(model);
            for (SeriesInput in : list) {
                inputs.put(in.series().id(), in);
                modelOf.put(in.series().id(), model);
            }
        }
        if (!inputsOnly && models.isEmpty() && !failed.isEmpty()) {
            throw new ModelException("no group could be fitted: " + String.join("; ", failed));
        }
        return new GlobalStage(all, inputs, modelOf, models, (System.nanoTime() - t0) / 1e9, levels);
    }

    private static GlobalModel fitOrLoad(List<SeriesInput> list, GlobalConfig config, int horizon, Path artifact)
            throws IOException {
        if (artifact != null && Files.exists(artifact)) {
            try (InputStream in = Files.newInputStream(artifact)) {
                System.err.println("global model loaded from " + artifact + " (no refit)");
                return GlobalArtifact.read(in, list);
            }
        }
        GlobalModel model = new TribuoGlobalForecaster(config).fit(list, horizon);
        if (artifact != null) {
            try (OutputStream out = Files.newOutputStream(artifact)) {
                GlobalArtifact.write((TribuoGlobalModel) model, out);
            }
            System.err.println("global model saved to " + artifact);
        }
        return model;
    }

    /** The model whose fit included series {@code id}, or null. */
    GlobalModel modelOf(String id) {
        return modelOf.get(id);
    }

    /** What was fitted, for messages. */
    String description() {
        return models.isEmpty() ? "none" : models.get(0).description() + (models.size() > 1 ? " × " + models.size()
                + " groups" : "");
    }

    /** The global model's driver importance for one series (empty when it had none). */
    Map<String, Double> importance(String id) {
        GlobalModel m = modelOf.get(id);
        return m == null ? Map.of() : m.importance(id);
    }

    /** The global forecast of one series, cut to {@code horizon}. */
    Forecast forecast(String id, int horizon) {
        Forecast f = forecasts.get(id);
        if (f == null) {
            throw new IllegalArgumentException("series '" + id + "' was not part of a global fit");
        }
        return f.horizon() == horizon ? f : io.trendcast.core.global.GlobalModel.cut(f, horizon);
    }
}
