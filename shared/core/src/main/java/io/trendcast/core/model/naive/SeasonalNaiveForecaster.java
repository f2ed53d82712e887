package io.trendcast.core.model.naive;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.TimeSeries;

/**
 * The value of the same season one cycle earlier, as R {@code forecast::snaive}. With season 1, or with less
 * than one full season of data, it is the naive method.
 */
public final class SeasonalNaiveForecaster implements Forecaster {

    @Override
    public String name() {
        return "snaive";
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        int n = series.length();
        if (n < 1) {
            throw new ModelException("seasonal naive needs at least one observation");
        }
        int m = series.season();
        if (m > 1 && n >= m) {
            return RandomWalkModel.fit("SNaive[" + m + "]", series.values(), m, false);
        }
        return RandomWalkModel.fit("Naive", series.values(), 1, false);
    }
}
