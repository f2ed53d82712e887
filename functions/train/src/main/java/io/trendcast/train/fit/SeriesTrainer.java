package io.trendcast.train.fit;

import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import io.trendcast.core.select.AutoModel;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.train.shard.ShardSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains the series of a shard on {@code threads} threads (Lambda gives a function one vCPU per 1,769 MB, so the
 * 3,008 MB train function has two): each series prepared ({@link Preparation}: gaps filled with zeros,
 * anomalies cleaned out), then {@code auto} fitted to the cleaned history and forecast with 80 % and 95 % intervals. Each thread takes the next untrained series and
 * first checks the time budget: while the time left covers twice the slowest {@code auto} fit so far plus a cheap
 * forecast for every remaining series, it fits {@code auto}; after that, every remaining series gets a
 * seasonal-naive forecast marked as a fallback. So no series is lost and the invocation ends before Lambda's
 * timeout. A series on which {@code auto} fails also gets the fallback, with the failure as its reason. Results
 * come back in the shard's order whatever the number of threads, and equal those of a single thread (the models
 * are deterministic and share no state).
 */
public final class SeriesTrainer {

    /** The interval levels served by the API. */
    public static final double[] LEVELS = {80, 95};
    /** A generous allowance for one seasonal-naive fit and forecast. */
    private static final long CHEAP_MILLIS = 5;

    private final Forecaster auto;
    private final int threads;
    private final Forecaster fallback = new SeasonalNaiveForecaster();
    private final Preparation preparation = new Preparation();

    /**
     * A single-threaded trainer fitting {@code auto} (normally {@code Methods.autoWithHeldOutFold()}, whose held-out
     * fold judges the local choice against the global models) to each series.
     */
    public SeriesTrainer(Forecaster auto) {
        this(auto, 1);
    }

    /** A trainer fitting {@code auto} to the series of a shard on {@code threads} threads (at least 1). */
    public SeriesTrainer(Forecaster auto, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.auto = auto;
        this.threads = threads;
    }

    /** Trains every series of {@code shard} on the grid of {@code frequency} with {@code season} and {@code horizon}. */
    public List<TrainedSeries> train(List<ShardSeries> shard, Frequency frequency, int season, int horizon,
                                     TimeBudget budget) {
        TrainedSeries[] out = new TrainedSeries[shard.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < shard.size()) {
                try {
                    out[i] = trainOne(shard.get(i), frequency, season, horizon, budget, slowest,
                            shard.size() - i);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helpers = Math.min(threads, shard.size()) - 1;
        List<Thread> started = new ArrayList<>(Math.max(0, helpers));
        for (int t = 0; t < helpers; t++) {
            Thread thread = new Thread(worker, "train-" + (t + 1));
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        worker.run();
        for (Thread thread : started) {
            joinUninterruptibly(thread);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.of(out);
    }

    private TrainedSeries trainOne(ShardSeries s, Frequency frequency, int season, int horizon, TimeBudget budget,
                                   AtomicLong slowest, int remaining) {
        Preparation.Prepared prepared = preparation.prepare(s, frequency, season);
        TimeSeries observed = prepared.observed();
        AnomalyReport report = prepared.anomalies();
        TimeSeries history = prepared.history();
        String hash = SeriesHash.of(s);
        long left = budget.remainingMillis();
        TrainedSeries t;
        if (left > 2 * slowest.get() + (long) remaining * CHEAP_MILLIS / threads) {
            t = trainAuto(s, history, hash, horizon);
            slowest.accumulateAndGet(t.fitMillis(), Math::max);
        } else {
            t = trainFallback(s, history, hash, horizon, "time budget: " + Math.max(0, left) + " ms left for "
                    + remaining + " series");
        }
        return new TrainedSeries(t.key(), t.history(), t.inputSha256(), t.forecast(), t.model(), t.members(),
                t.accuracy(), t.skipped(), t.fallbackReason(), t.fitMillis(), observed, report, s.onHand(),
                s.onHandDate(), t.heldOutFold());
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private TrainedSeries trainAuto(ShardSeries s, TimeSeries history, String hash, int horizon) {
        long start = System.nanoTime();
        try {
            AutoModel model = (AutoModel) auto.fit(history, horizon);
            Forecast forecast = model.forecast(horizon, LEVELS);
            requireFinite(forecast);
            return new TrainedSeries(s.key(), history, hash, forecast, model.choice(), model.memberDescriptions(),
                    model.accuracy(), model.skipped(), null, millisSince(start), history, null, Double.NaN, null,
                    model.heldOutFold());
        } catch (RuntimeException e) {
            return trainFallback(s, history, hash, horizon, "auto failed: " + e.getMessage());
        }
    }

    private TrainedSeries trainFallback(ShardSeries s, TimeSeries history, String hash, int horizon, String reason) {
        long start = System.nanoTime();
        FittedModel model = fallback.fit(history);
        Forecast forecast = model.forecast(horizon, LEVELS);
        try {
            requireFinite(forecast);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("series " + s.key().encode() + ": the fallback's forecast is not finite ("
                    + reason + ")", e);
        }
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

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
