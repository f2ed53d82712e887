package io.trendcast.core.model.naive;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;

/** The last value carried forward (random walk), as R {@code forecast::naive}. */
public final class NaiveForecaster implements Forecaster {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        if (series.length() < 1) {
            throw new ModelException("naive needs at least one observation");
        }
        return RandomWalkModel.fit("Naive", series.values(), 1, false);
    }
}
