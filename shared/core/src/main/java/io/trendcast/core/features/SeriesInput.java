package io.trendcast.core.features;

import io.trendcast.core.series.TimeSeries;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One series with its drivers, as the global model and the multivariate analysis read it.
 *
 * @param series         the target history (no missing values)
 * @param covariateNames names of the numeric driver columns (price, promo, holiday flags, markdowns…)
 * @param covariates     {@code covariates[j][t]}: driver {@code j} at period {@code t}; rows may run past the history
 *                       into the forecast periods (planned price, promotion calendar); absent values are NaN
 * @param attributes     static numeric attributes of the series (store size, item category code…)
 */
public record SeriesInput(TimeSeries series, List<String> covariateNames, double[][] covariates,
                          Map<String, Double> attributes) {

    public SeriesInput {
        Objects.requireNonNull(series, "series");
        covariateNames = List.copyOf(covariateNames);
        attributes = Map.copyOf(attributes);
        if (covariates.length != covariateNames.size()) {
            throw new IllegalArgumentException("one covariate row per name: " + covariates.length + " rows, "
                    + covariateNames.size() + " names");
        }
        double[][] copy = new double[covariates.length][];
        for (int j = 0; j < covariates.length; j++) {
            copy[j] = covariates[j].clone();
        }
        covariates = copy;
    }

    /** A series without drivers. */
    public static SeriesInput of(TimeSeries series) {
        return new SeriesInput(series, List.of(), new double[0][], Map.of());
    }

    /** The value of driver {@code name} at period {@code t}, NaN when the series lacks it or it is unknown. */
    public double covariate(String name, int t) {
        int j = covariateNames.indexOf(name);
        if (j < 0 || t < 0 || t >= covariates[j].length) {
            return Double.NaN;
        }
        return covariates[j][t];
    }

    /** Driver {@code j}'s values (a reference to the immutable record's array: do not modify). */
    double[] covariateRow(int j) {
        return covariates[j];
    }

    /** The same drivers on another target history (same start), e.g. a backtest's truncated series. */
    public SeriesInput withSeries(TimeSeries other) {
        return new SeriesInput(other, covariateNames, covariates, attributes);
    }
}
