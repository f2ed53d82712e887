package io.trendcast.core.candidate;

import io.trendcast.core.eval.Accuracy;
import io.trendcast.core.model.Forecast;
import java.util.Arrays;
import java.util.Objects;

/**
 * One series' result from one source.
 *
 * @param series   the series key as encoded in the shard ({@code item} or {@code item/store})
 * @param model    what produced the forecast, e.g. {@code median(ets,arima,theta):…} or {@code global(xgboost, …)}
 * @param mean     point forecast over the run's horizon
 * @param lower    {@code lower[k]}: lower bound at the results' {@code levels[k]}
 * @param upper    {@code upper[k]}: upper bound at {@code levels[k]}
 * @param backtest point forecast of the last {@code backtest.length} observed periods, made without them; empty
 *                 when the source has none for this series (too short)
 * @param actual   the observations of that window (same length as {@code backtest})
 * @param scale    the series' mean absolute value over its history (to add errors of different series)
 * @param maseScale the in-sample mean absolute error of the seasonal naive method (MASE's denominator), or
 *                 {@code NaN}
 * @param mase     the source's own backtest MASE for this series ({@code NaN}: not measured)
 * @param wape     the source's own backtest WAPE in percent ({@code NaN}: not measured)
 */
public record SeriesCandidate(String series, String model, double[] mean, double[][] lower, double[][] upper,
                              double[] backtest, double[] actual, double scale, double maseScale, double mase,
                              double wape) {

    public SeriesCandidate {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(model, "model");
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(series + ": one lower and one upper bound per level");
        }
        for (int k = 0; k < lower.length; k++) {
            if (lower[k].length != mean.length || upper[k].length != mean.length) {
                throw new IllegalArgumentException(series + ": bounds must have the horizon's length "
                        + mean.length);
            }
        }
        if (backtest.length != actual.length) {
            throw new IllegalArgumentException(series + ": backtest of " + backtest.length + " periods but "
                    + actual.length + " observations");
        }
        for (double v : mean) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(series + ": non-finite forecast " + Arrays.toString(mean));
            }
        }
        mean = mean.clone();
        lower = deep(lower);
        upper = deep(upper);
        backtest = backtest.clone();
        actual = actual.clone();
    }

    /** The candidate from a forecast and its backtest. */
    public static SeriesCandidate of(String series, Forecast f, double[] backtest, double[] actual, double scale,
                                     double maseScale, double mase, double wape) {
        return new SeriesCandidate(series, f.model(), f.mean(), f.lower(), f.upper(), backtest, actual, scale,
                maseScale, mase, wape);
    }

    /**
     * The candidate of a series whose observed history is {@code y} (seasonal period {@code season}): its backtest is
     * judged against the last {@code backtest.length} observations (no window when {@code backtest} is null, empty
     * or longer than the history), with the history's mean absolute value as scale and the seasonal naive method's
     * in-sample error as MASE denominator. Every source derives these the same way, so their windows compare.
     */
    public static SeriesCandidate ofHistory(String series, Forecast f, double[] backtest, double[] y, int season,
                                            double mase, double wape) {
        boolean window = backtest != null && backtest.length > 0 && backtest.length <= y.length;
        double[] fold = window ? backtest : new double[0];
        double[] actual = window ? Arrays.copyOfRange(y, y.length - backtest.length, y.length) : new double[0];
        double sum = 0;
        for (double v : y) {
            sum += Math.abs(v);
        }
        return of(series, f, fold, actual, y.length > 0 ? sum / y.length : 0, Accuracy.maseScale(y, season), mase,
                wape);
    }

    /** Whether a backtest window is present. */
    public boolean hasBacktest() {
        return backtest.length > 0;
    }

    /** The forecast at {@code levels} (the results' levels, in the order of {@link #lower()}). */
    public Forecast forecast(double[] levels) {
        return new Forecast(model, mean, levels, lower, upper);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] lower() {
        return deep(lower);
    }

    @Override
    public double[][] upper() {
        return deep(upper);
    }

    @Override
    public double[] backtest() {
        return backtest.clone();
    }

    @Override
    public double[] actual() {
        return actual.clone();
    }

    private static double[][] deep(double[][] a) {
        double[][] out = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k].clone();
        }
        return out;
    }
}
