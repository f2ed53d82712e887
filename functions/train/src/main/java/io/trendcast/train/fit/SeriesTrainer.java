package io.trendcast.train.fit;

import io.trendcast.core.anomaly.AnomalyDetector;
import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import io.trendcast.core.prepare.GapFiller;
import io.trendcast.core.select.AutoModel;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.train.shard.ShardFormatException;
import io.trendcast.train.shard.ShardSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains the series of a shard one after another: gaps filled with zeros (a day without a recorded sale sold
 * nothing), anomalies found and cleaned out ({@link AnomalyDetector}: stock-out zeros imputed as missing demand,
 * spikes and drops winsorised), then {@code auto} fitted to the cleaned history and forecast with 80 % and 95 %
 * intervals. Before each series it checks the
 * time budget: while the time left covers twice the slowest {@code auto} fit so far plus a cheap forecast for
 * every remaining series, it fits {@code auto}; after that, every remaining series gets a seasonal-naive forecast
 * marked as a fallback. So no series is lost and the invocation ends before Lambda's timeout. A series on which
 * {@code auto} fails also gets the fallback, with the failure as its reason.
 */
public final class SeriesTrainer {

    /** The interval levels served by the API. */
    static final double[] LEVELS = {80, 95};
    /** A generous allowance for one seasonal-naive fit and forecast. */
    private static final long CHEAP_MILLIS = 5;

    private final Forecaster auto;
    private final Forecaster fallback = new SeasonalNaiveForecaster();
    private final GapFiller gaps = GapFiller.builder().policy(GapFiller.Policy.ZERO).build();
    private final AnomalyDetector detector = new AnomalyDetector();

    /** A trainer fitting {@code auto} (normally {@code Methods.auto()}) to each series. */
    public SeriesTrainer(Forecaster auto) {
        this.auto = auto;
    }

    /** Trains every series of {@code shard} on the grid of {@code frequency} with {@code season} and {@code horizon}. */
    public List<TrainedSeries> train(List<ShardSeries> shard, Frequency frequency, int season, int horizon,
                                     TimeBudget budget) {
        List<TrainedSeries> out = new ArrayList<>(shard.size());
        long slowest = 0;
        for (int i = 0; i < shard.size(); i++) {
            ShardSeries s = shard.get(i);
            TimeSeries observed = gaps.fill(onGrid(s, frequency, season));
            AnomalyReport report = detector.detect(observed);
            TimeSeries history = observed.withValues(report.forFitting());
            String hash = SeriesHash.of(s);
            long left = budget.remainingMillis();
            TrainedSeries t;
            if (left > 2 * slowest + (long) (shard.size() - i) * CHEAP_MILLIS) {
                t = trainAuto(s, history, hash, horizon);
                slowest = Math.max(slowest, t.fitMillis());
            } else {
                t = trainFallback(s, history, hash, horizon, "time budget: " + Math.max(0, left)
                        + " ms left for " + (shard.size() - i) + " series");
            }
            out.add(new TrainedSeries(t.key(), t.history(), t.inputSha256(), t.forecast(), t.model(), t.members(),
                    t.accuracy(), t.skipped(), t.fallbackReason(), t.fitMillis(), observed, report, s.onHand(),
                    s.onHandDate()));
        }
        return out;
    }

    private TrainedSeries trainAuto(ShardSeries s, TimeSeries history, String hash, int horizon) {
        long start = System.nanoTime();
        try {
            AutoModel model = (AutoModel) auto.fit(history, horizon);
            Forecast forecast = model.forecast(horizon, LEVELS);
            requireFinite(forecast);
            return new TrainedSeries(s.key(), history, hash, forecast, model.choice(), model.memberDescriptions(),
                    model.accuracy(), model.skipped(), null, millisSince(start));
        } catch (RuntimeException e) {
            return trainFallback(s, history, hash, horizon, "auto failed: " + e.getMessage());
        }
    }

    private TrainedSeries trainFallback(ShardSeries s, TimeSeries history, String hash, int horizon, String reason) {
        long start = System.nanoTime();
        FittedModel model = fallback.fit(history);
        Forecast forecast = model.forecast(horizon, LEVELS);
        return new TrainedSeries(s.key(), history, hash, forecast, TrainedSeries.FALLBACK_MODEL,
                List.of(model.description()), null, List.of(), reason, millisSince(start));
    }

    private static void requireFinite(Forecast f) {
        for (double v : f.mean()) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("non-finite point forecast " + Arrays.toString(f.mean()));
            }
        }
    }

    /** The series on its regular grid from its first to its last date, {@code NaN} where a date has no row. */
    static TimeSeries onGrid(ShardSeries s, Frequency frequency, int season) {
        List<LocalDate> dates = s.dates();
        double[] q = s.quantities();
        long start = dates.get(0).toEpochDay();
        int n = Math.toIntExact(frequency.between(start, dates.get(dates.size() - 1).toEpochDay()) + 1);
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < dates.size(); i++) {
            long day = dates.get(i).toEpochDay();
            int index = Math.toIntExact(frequency.between(start, day));
            if (frequency.plus(start, index) != day) {
                throw new ShardFormatException("series " + s.key().encode() + ": date " + dates.get(i)
                        + " is not on the " + frequency + " grid starting " + dates.get(0));
            }
            values[index] = q[i];
        }
        return new TimeSeries(s.key().encode(), frequency, start, season, values);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
