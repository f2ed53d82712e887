package io.trendcast.local.cli;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import io.trendcast.core.select.GlobalSelection;
import io.trendcast.core.series.TimeSeries;
import java.util.Collection;

/**
 * Fits one method to one series and forecasts; a failing method never stops a batch: the series gets the seasonal
 * naive forecast instead, labelled as a fallback, and the failure is recorded.
 */
final class SeriesRunner {

    private static final Forecaster FALLBACK = new SeasonalNaiveForecaster();

    private SeriesRunner() {
    }

    /** {@code auto} with the global model, first step: the candidates of one series, or null when that fails. */
    static GlobalSelection.Candidates candidates(GlobalSelection selection, SeriesInput in, int horizon,
                                                double[] levels, Collection<String> failures) {
        try {
            return selection.candidates(in, horizon, levels);
        } catch (RuntimeException e) {
            failures.add("auto on '" + in.series().id() + "': " + e.getMessage());
            return null;
        }
    }

    /** The seasonal naive forecast that stands in for a failed method. */
    static Forecast fallback(TimeSeries series, int horizon, double[] levels, String method) {
        Forecast fb = FALLBACK.fit(series).forecast(horizon, levels);
        return fb.withModel("fallback " + fb.model() + " (" + method + " failed)");
    }

    /** The global model's forecast of one series, or the fallback when the series was not part of its fit. */
    static Forecast forecastGlobal(GlobalStage global, TimeSeries series, int horizon, double[] levels,
                                   Collection<String> failures) {
        try {
            if (global == null) {
                throw new IllegalStateException("no global model");
            }
            return global.forecast(series.id(), horizon);
        } catch (RuntimeException e) {
            failures.add("global on '" + series.id() + "': " + e.getMessage());
            Forecast fb = FALLBACK.fit(series).forecast(horizon, levels);
            return fb.withModel("fallback " + fb.model() + " (global failed: " + e.getMessage() + ")");
        }
    }

    static Forecast forecast(Forecaster method, TimeSeries series, int horizon, double[] levels,
                             Collection<String> failures) {
        try {
            Forecast fc = method.fit(series, horizon).forecast(horizon, levels);
            for (double v : fc.mean()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("non-finite forecast");
                }
            }
            return fc;
        } catch (RuntimeException e) {
            failures.add(method.name() + " on '" + series.id() + "': " + e.getMessage());
            Forecast fb = FALLBACK.fit(series).forecast(horizon, levels);
            return fb.withModel("fallback " + fb.model() + " (" + method.name() + " failed: " + e.getMessage() + ")");
        }
    }
}
