package io.trendcast.core.select;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.series.TimeSeries;

/**
 * The local side of a global-model comparison on one series' last {@code h} periods: the local method's forecast of
 * them from a fit without them, the observations, and the series' mean absolute value (the scale that puts series on
 * one footing when errors are summed over a group).
 *
 * <p>When the local fit is {@code auto}'s and carries its held-out fold of that window
 * ({@link AutoModel#heldOutFold()}, {@link Methods#autoWithHeldOutFold()}), that fold is the forecast, as in the
 * train function; otherwise the local method is refitted on the head (about twice the fit's cost).
 *
 * @param forecast the local method's forecast of the window, or {@code null} when it could not be refitted
 * @param actual   the window's observations
 * @param scale    the series' mean absolute value (1 when it is 0)
 */
record LocalBacktest(double[] forecast, double[] actual, double scale) {

    static LocalBacktest of(Forecaster local, FittedModel fitted, TimeSeries s, int h) {
        int n = s.length();
        double[] forecast = fitted instanceof AutoModel a ? a.heldOutFold() : new double[0];
        if (forecast.length != h) {
            try {
                forecast = local.fit(s.head(n - h), h).forecast(h, 95).mean();
            } catch (RuntimeException e) {
                forecast = null;
            }
        }
        double[] actual = new double[h];
        for (int k = 0; k < h; k++) {
            actual[k] = s.at(n - h + k);
        }
        double scale = 0;
        for (double v : s.values()) {
            scale += Math.abs(v);
        }
        scale /= n;
        return new LocalBacktest(forecast, actual, scale > 0 ? scale : 1);
    }
}
