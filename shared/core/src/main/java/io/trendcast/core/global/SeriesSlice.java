package io.trendcast.core.global;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.ModelException;
import java.util.Arrays;

/** One series' share of a global model's forecast, served as a {@link FittedModel}. */
final class SeriesSlice implements FittedModel {

    private final Forecast forecast;

    SeriesSlice(Forecast forecast) {
        this.forecast = forecast;
    }

    @Override
    public String description() {
        return forecast.model();
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        if (horizon < 1 || horizon > forecast.horizon()) {
            throw new ModelException("the global model was fitted for " + forecast.horizon() + " steps, asked for "
                    + horizon);
        }
        double[] lv = Forecast.checkLevels(levels);
        double[][] lo = new double[lv.length][];
        double[][] hi = new double[lv.length][];
        for (int k = 0; k < lv.length; k++) {
            int idx = forecast.levelIndex(lv[k]);
            if (idx < 0) {
                throw new ModelException("the global model's forecast has levels " + Arrays.toString(forecast.levels())
                        + ", asked for " + lv[k]);
            }
            lo[k] = Arrays.copyOf(forecast.lower()[idx], horizon);
            hi[k] = Arrays.copyOf(forecast.upper()[idx], horizon);
        }
        return new Forecast(forecast.model(), Arrays.copyOf(forecast.mean(), horizon), lv, lo, hi);
    }
}
