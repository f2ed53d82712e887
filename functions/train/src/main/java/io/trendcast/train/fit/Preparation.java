package io.trendcast.train.fit;

import io.trendcast.core.anomaly.AnomalyDetector;
import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.prepare.GapFiller;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.train.shard.ShardFormatException;
import io.trendcast.train.shard.ShardSeries;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * How a shard series becomes the history models are fitted to, the same for the local models and the global one
 * (so their backtest windows hold the same observations): put on the run's grid, gaps filled with zeros (a day
 * without a recorded sale sold nothing), anomalies found and cleaned out ({@link AnomalyDetector}: stock-out zeros
 * imputed as missing demand, spikes and drops winsorised). Thread-safe.
 */
public final class Preparation {

    private final GapFiller gaps = GapFiller.builder().policy(GapFiller.Policy.ZERO).build();
    private final AnomalyDetector detector = new AnomalyDetector();

    /**
     * A prepared series.
     *
     * @param observed  the gap-filled history as observed
     * @param anomalies the anomalies found in it
     * @param history   the cleaned history the models are fitted to
     */
    public record Prepared(TimeSeries observed, AnomalyReport anomalies, TimeSeries history) {
    }

    /** Prepares {@code s} on the grid of {@code frequency} with seasonal period {@code season}. */
    public Prepared prepare(ShardSeries s, Frequency frequency, int season) {
        TimeSeries observed = gaps.fill(onGrid(s, frequency, season));
        AnomalyReport report = detector.detect(observed);
        return new Prepared(observed, report, observed.withValues(report.forFitting()));
    }

    /** The series on its regular grid from its first to its last date, {@code NaN} where a date has no row. */
    public static TimeSeries onGrid(ShardSeries s, Frequency frequency, int season) {
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

}
