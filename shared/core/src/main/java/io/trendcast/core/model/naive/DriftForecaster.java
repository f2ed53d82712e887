package io.trendcast.core.model.naive;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;

/** A random walk with drift: the line through the first and last observation, as R {@code rwf(drift=TRUE)}. */
public final class DriftForecaster implements Forecaster {

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        if (series.length() < 2) {
            throw new ModelException("drift needs at least two observations");
        }
        return RandomWalkModel.fit("Drift", series.values(), 1, true);
    }
}
