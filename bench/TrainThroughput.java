import io.trendcast.core.anomaly.AnomalyDetector;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.select.Methods;
import io.trendcast.core.series.Frequency;
import io.trendcast.train.fit.SeriesTrainer;
import io.trendcast.train.fit.StoredForecasts;
import io.trendcast.train.fit.TimeBudget;
import io.trendcast.train.fit.TrainedSeries;
import io.trendcast.train.shard.ShardSeries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How long the train function's {@code SeriesTrainer} takes per series: a shard of synthetic daily sales series
 * (weekly pattern, trend, Poisson-like noise, some zero days), {@code auto} with 80/95 % intervals, one thread;
 * {@code auto} alone and with the held-out fold the train function computes when global models compete, alternately,
 * the first round of both only warming up.
 * Prints ms per series (median, p90, max) so the Lambda timeout and shard size can be set, then the mean time of
 * the anomaly detection and of the trend analysis per series. Not a unit test: run by
 * {@code bench/train-throughput.sh}.
 *
 * <p>Arguments: {@code series days horizon [threads]}.
 */
public class TrainThroughput {

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        int horizon = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Random random = new Random(7);
        LocalDate start = LocalDate.of(2023, 1, 1);
        List<ShardSeries> shard = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<LocalDate> dates = new ArrayList<>(days);
            double[] q = new double[days];
            double level = 2 + random.nextDouble() * 60;
            double slope = (random.nextDouble() - 0.5) * level / days;
            for (int d = 0; d < days; d++) {
                dates.add(start.plusDays(d));
                double mean = Math.max(0, (level + slope * d) * (d % 7 >= 5 ? 1.4 : 1.0));
                q[d] = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean + 1)));
            }
            shard.add(new ShardSeries(SeriesKey.of("item-" + i), dates, q));
        }
        List<TrainedSeries> out = null;
        long[] totals = new long[2];
        for (int run = 0; run < 4; run++) {
            int variant = run % 2;
            boolean heldOut = variant == 1;
            SeriesTrainer trainer = new SeriesTrainer(heldOut ? Methods.autoWithHeldOutFold() : Methods.auto(),
                    threads);
            trainer.train(shard.subList(0, Math.min(5, count)), Frequency.DAILY, 7, horizon,
                    TimeBudget.of(600_000, Duration.ZERO));
            long begin = System.nanoTime();
            out = trainer.train(shard, Frequency.DAILY, 7, horizon, TimeBudget.of(600_000, Duration.ZERO));
            long total = (System.nanoTime() - begin) / 1_000_000;
            if (run < 2) {
                continue; // the first round warms the JIT for both variants
            }
            totals[variant] = total;
            long[] ms = out.stream().mapToLong(TrainedSeries::fitMillis).sorted().toArray();
            long fallbacks = out.stream().filter(TrainedSeries::isFallback).count();
            System.out.printf("%s: %d daily series x %d days, horizon %d, %d thread(s): %d ms in all (%.1f series/s), "
                            + "per series median %d ms, p90 %d ms, max %d ms; %d fallbacks; a 200-series shard needs "
                            + "about %.0f s%n", heldOut ? "auto with its held-out fold (the train function)"
                            : "auto alone (the command line)", count, days, horizon, threads, total,
                    count * 1000.0 / total, ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[ms.length - 1],
                    fallbacks, total / 1000.0 / count * 200);
        }
        System.out.printf("the held-out fold costs %.2f x auto alone's time%n", totals[1] / (double) totals[0]);
        AnomalyDetector detector = new AnomalyDetector();
        for (int round = 0; round < 3; round++) {
            for (TrainedSeries t : out) {
                detector.detect(t.observed());
                StoredForecasts.of("bench", "run", t, Instant.EPOCH);
            }
        }
        long a0 = System.nanoTime();
        for (TrainedSeries t : out) {
            detector.detect(t.observed());
        }
        long a1 = System.nanoTime();
        for (TrainedSeries t : out) {
            StoredForecasts.of("bench", "run", t, Instant.EPOCH);
        }
        long a2 = System.nanoTime();
        System.out.printf("insights per series (warm, mean): anomaly detection %.2f ms (part of the times above), "
                + "trend analysis and stored forecast %.2f ms%n", (a1 - a0) / 1e6 / count, (a2 - a1) / 1e6 / count);
    }
}
