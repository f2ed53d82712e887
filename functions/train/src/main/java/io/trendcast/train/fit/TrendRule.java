package io.trendcast.train.fit;

import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.port.StoredForecast.Trend.Direction;

/**
 * The trend of a forecast against recent history: the mean forecast over the horizon against the mean of the
 * last {@code horizon} observations, as a percentage change. The change counts as rising or falling only when it
 * leaves a flat band of at least ±{@value #MIN_BAND_PCT} % and at least one standard error of the recent mean (the
 * recent standard deviation over √n, relative to the recent mean), so a noisy series needs a larger change to be
 * called a trend than a smooth one. With a recent mean of zero the change is undefined ({@code NaN}) and the
 * direction follows the sign of the forecast mean.
 */
public final class TrendRule {

    /** The narrowest flat band, in percent. */
    static final double MIN_BAND_PCT = 2.0;

    private TrendRule() {
    }

    /** The trend of {@code forecastMean} after {@code history}, over the last {@code horizon} observations. */
    public static Trend of(double[] history, double[] forecastMean, int horizon) {
        int n = Math.min(horizon, history.length);
        double recent = 0;
        for (int t = history.length - n; t < history.length; t++) {
            recent += history[t];
        }
        recent /= n;
        double future = 0;
        for (double v : forecastMean) {
            future += v;
        }
        future /= forecastMean.length;
        if (recent == 0) {
            Direction d = future > 0 ? Direction.RISING : future < 0 ? Direction.FALLING : Direction.FLAT;
            return new Trend(d, future == 0 ? 0 : Double.NaN);
        }
        double changePct = 100 * (future - recent) / Math.abs(recent);
        double band = Math.max(MIN_BAND_PCT, 100 * standardError(history, n, recent) / Math.abs(recent));
        Direction d = changePct > band ? Direction.RISING : changePct < -band ? Direction.FALLING : Direction.FLAT;
        return new Trend(d, changePct);
    }

    private static double standardError(double[] history, int n, double mean) {
        if (n < 2) {
            return 0;
        }
        double ss = 0;
        for (int t = history.length - n; t < history.length; t++) {
            double d = history[t] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
