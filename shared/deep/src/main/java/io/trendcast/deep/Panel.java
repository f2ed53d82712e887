package io.trendcast.deep;

import io.trendcast.core.features.Festival;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.time.LocalDate;
import java.util.List;

/**
 * The series of one fit, scaled, and the features of any of their periods. Values are divided by each series' scale
 * (1 + mean absolute value of its observed history, as in DeepAR); a period's features read the target only before
 * the period, from the history or, past its end, from a sample path. Features per period: the scaled lags, a flag
 * telling whether the longest lag lies inside the history (before it, missing lags read 0), seasonal
 * phase (sine and cosine of the day of year, two harmonics; day of week for daily data; the period index modulo the
 * season without a calendar) and festival flags (in this period and in the next), both left out for seasons of a
 * year ({@link #phaseWidth()}), the standardised covariates and the
 * log of the series' scale. DeepAR's age feature is left out: forecasts would read ages training never saw.
 */
final class Panel {

    final Frequency frequency;
    final int season;
    final List<SeriesInput> inputs;
    final double[] scales;
    final boolean[] nonNegative;
    final int[] lags;
    final int width;
    /** Least share of the history's periods (over all series) in which a covariate must be recorded to be used. */
    static final int MIN_COVERAGE_PERCENT = 50;
    /** Fewest periods per series the loss counts, even when that means some lags are padding. */
    static final int MIN_TRAIN = 8;
    /** Periods at the end of each series that the scales did not see (the validation window), or 0. */
    final int holdBack;

    private final int base;
    private final double[][] scaled;
    private final List<String> covariateNames;
    private final double[] covMean;
    private final double[] covSd;
    private final List<Festival> festivals;

    private Panel(List<SeriesInput> inputs, HolidayCalendar holidays, Frequency frequency, int season, int holdBack) {
        this.inputs = List.copyOf(inputs);
        this.holdBack = holdBack;
        this.frequency = frequency;
        this.season = season;
        this.lags = Lags.forFrequency(frequency, season);
        this.base = seasonalLagColumn(season, lags);
        this.festivals = frequency.isCalendar() && base < 0 ? holidays.festivals() : List.of();
        this.covariateNames = covered(inputs);
        int n = inputs.size();
        scales = new double[n];
        nonNegative = new boolean[n];
        scaled = new double[n][];
        for (int s = 0; s < n; s++) {
            double[] y = inputs.get(s).series().values();
            double sum = 0;
            int count = 0;
            boolean nonNeg = true;
            int seen = Math.max(1, y.length - holdBack);
            for (int t = 0; t < seen; t++) {
                double v = y[t];
                if (!Double.isNaN(v)) {
                    sum += Math.abs(v);
                    count++;
                    nonNeg &= v >= 0;
                }
            }
            scales[s] = 1 + (count == 0 ? 0 : sum / count);
            nonNegative[s] = nonNeg;
            scaled[s] = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                scaled[s][t] = y[t] / scales[s];
            }
        }
        covMean = new double[covariateNames.size()];
        covSd = new double[covariateNames.size()];
        standardiseCovariates();
        width = lags.length + 1 + phaseWidth() + 2 * festivals.size() + covariateNames.size() + 1;
    }

    /**
     * The panel of {@code inputs}.
     *
     * @throws ModelException when there are no series, their frequencies or covariate columns differ
     */
    static Panel of(List<SeriesInput> inputs, HolidayCalendar holidays, int holdBack) {
        if (inputs.isEmpty()) {
            throw new ModelException("deepar needs at least one series");
        }
        TimeSeries first = inputs.get(0).series();
        for (SeriesInput in : inputs) {
            if (in.series().frequency() != first.frequency()) {
                throw new ModelException("deepar fits one frequency at a time: " + first.id() + " is "
                        + first.frequency() + ", " + in.series().id() + " is " + in.series().frequency());
            }
            if (!in.covariateNames().equals(inputs.get(0).covariateNames())) {
                throw new ModelException("deepar needs the same covariate columns on every series");
            }
            if (in.series().length() < DeepArForecaster.MIN_LENGTH) {
                throw new ModelException("series '" + in.series().id() + "' has fewer than "
                        + DeepArForecaster.MIN_LENGTH + " values");
            }
        }
        return new Panel(inputs, holidays, first.frequency(), Math.max(1, first.season()), holdBack);
    }

    int size() {
        return inputs.size();
    }

    int length(int s) {
        return scaled[s].length;
    }

    String id(int s) {
        return inputs.get(s).series().id();
    }

    /** Shortest season whose lag the network gets as a skip connection ({@link #baseColumn()}). */
    static final int SKIP_SEASON = 12;

    /**
     * The feature column holding the seasonal lag, which the network adds to its location (so it learns the
     * correction to the seasonal-naive value rather than the level), or -1 for none. Only for seasons of at least
     * {@value #SKIP_SEASON} periods (yearly seasonality of weekly and monthly data): the recurrent state cannot carry a
     * year, so the lag is all the network knows of it (Walmart: WAPE 13.4% with it against 25% without); a short
     * season (a week of daily data) lies inside the context the network reads, and there the skip made forecasts of
     * intermittent series worse (the bakery's MASE 2.28 against 1.75).
     */
    int baseColumn() {
        return base;
    }

    private static int seasonalLagColumn(int season, int[] lags) {
        if (season < SKIP_SEASON) {
            return -1;
        }
        for (int j = 0; j < lags.length; j++) {
            if (lags[j] == season) {
                return j;
            }
        }
        return -1;
    }

    /** The longest lag: before it, the lag features are partly padding (a flag feature says so). */
    int maxLag() {
        return lags[lags.length - 1];
    }

    /**
     * The first period whose value counts in the training loss of series {@code s} when the loss ends at
     * {@code lossEnd}: the first with every lag inside the history, unless that leaves fewer than
     * {@link #MIN_TRAIN} periods to learn from. Periods whose seasonal lags are padding teach the network that the
     * lags mean nothing (Walmart: a year of history is half padding for lag 52).
     */
    int lossStart(int lossEnd) {
        return Math.max(0, Math.min(maxLag(), lossEnd - MIN_TRAIN));
    }

    /** The scaled target of series {@code s} at period {@code t} of its history (NaN when missing). */
    double target(int s, int t) {
        return scaled[s][t];
    }

    /**
     * Writes the features of period {@code t} of series {@code s} at {@code out[off…]}, as seen from a forecast
     * origin: lags at or past {@code origin} read {@code path[pathOff + (t - L - origin)]} (scaled values of a sample
     * path), lags before the start or on missing values read 0. Use {@code origin = length(s)} (or more) to read the
     * history only.
     */
    void features(int s, int t, int origin, float[] out, int off, float[] path, int pathOff) {
        int n = Math.min(origin, scaled[s].length);
        int k = off;
        for (int lag : lags) {
            int i = t - lag;
            double v = 0;
            if (i >= 0 && i < n) {
                v = scaled[s][i];
            } else if (i >= n) {
                v = path[pathOff + i - origin];
            }
            out[k++] = Double.isNaN(v) ? 0f : (float) v;
        }
        out[k++] = t >= maxLag() ? 1f : 0f;
        exogenous(s, t, out, k);
    }

    /** Writes the features of period {@code t} that do not depend on the target, after the lags. */
    void exogenous(int s, int t, float[] out, int off) {
        int k = off;
        TimeSeries series = inputs.get(s).series();
        if (frequency.isCalendar()) {
            LocalDate day = LocalDate.ofEpochDay(frequency.plus(series.start(), t));
            if (baseColumn() < 0) {
                double a = 2 * Math.PI * (day.getDayOfYear() - 1) / 365.25;
                out[k++] = (float) Math.sin(a);
                out[k++] = (float) Math.cos(a);
                out[k++] = (float) Math.sin(2 * a);
                out[k++] = (float) Math.cos(2 * a);
            }
            if (frequency == Frequency.DAILY) {
                double w = 2 * Math.PI * (day.getDayOfWeek().getValue() - 1) / 7.0;
                out[k++] = (float) Math.sin(w);
                out[k++] = (float) Math.cos(w);
            }
            LocalDate next = LocalDate.ofEpochDay(frequency.plus(series.start(), t + 1));
            LocalDate after = LocalDate.ofEpochDay(frequency.plus(series.start(), t + 2));
            for (Festival f : festivals) {
                out[k++] = HolidayCalendar.within(f, day, next) ? 1f : 0f;
                out[k++] = HolidayCalendar.within(f, next, after) ? 1f : 0f;
            }
        } else if (baseColumn() < 0) {
            double a = 2 * Math.PI * Math.floorMod(series.start() + t, (long) season) / season;
            out[k++] = (float) Math.sin(a);
            out[k++] = (float) Math.cos(a);
        }
        SeriesInput in = inputs.get(s);
        for (int j = 0; j < covariateNames.size(); j++) {
            double v = in.covariate(covariateNames.get(j), t);
            out[k++] = Double.isNaN(v) ? 0f : (float) ((v - covMean[j]) / covSd[j]);
        }
        out[k] = (float) (Math.log(scales[s]) / 10);
    }

    /** The covariates this panel uses (those recorded often enough, {@link #MIN_COVERAGE_PERCENT}). */
    List<String> covariates() {
        return covariateNames;
    }

    private static List<String> covered(List<SeriesInput> inputs) {
        return inputs.get(0).covariateNames().stream().filter(name -> {
            long seen = 0;
            long periods = 0;
            for (SeriesInput in : inputs) {
                int n = in.series().length();
                periods += n;
                for (int t = 0; t < n; t++) {
                    if (!Double.isNaN(in.covariate(name, t))) {
                        seen++;
                    }
                }
            }
            return seen * 100 >= periods * MIN_COVERAGE_PERCENT;
        }).toList();
    }

    /**
     * Width of the phase features. With the seasonal skip ({@link #baseColumn()}) the seasonal lag carries the
     * position in the year, and neither the phase of the year nor the festival flags are features: with lags a year
     * long, two or three years of data leave one or two years the loss can learn from, and calendar features let the
     * network learn that year's growth by time of year as if it recurred (Walmart: 2011's decline from February to
     * July came back as forecasts 6-16% below actual sales for the same weeks of 2012; WAPE over two seeds 10.45 and
     * 12.56% with them, 10.64 and 10.46% without). Festivals that move against the calendar are still seen through
     * the neighbouring seasonal lags and any holiday column of the upload.
     */
    private int phaseWidth() {
        boolean yearPhase = baseColumn() < 0;
        if (!frequency.isCalendar()) {
            return yearPhase ? 2 : 0;
        }
        return (yearPhase ? 4 : 0) + (frequency == Frequency.DAILY ? 2 : 0);
    }

    private void standardiseCovariates() {
        for (int j = 0; j < covariateNames.size(); j++) {
            double sum = 0;
            double sq = 0;
            long count = 0;
            for (int s = 0; s < inputs.size(); s++) {
                SeriesInput in = inputs.get(s);
                for (int t = 0; t < scaled[s].length; t++) {
                    double v = in.covariate(covariateNames.get(j), t);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        sq += v * v;
                        count++;
                    }
                }
            }
            covMean[j] = count == 0 ? 0 : sum / count;
            double var = count < 2 ? 0 : (sq - sum * sum / count) / (count - 1);
            covSd[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
    }
}
