package io.trendcast.train.fit;

import io.trendcast.core.anomaly.AnomalyDetector;
import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.insight.RecentHistory;
import io.trendcast.core.insight.SeriesInsights;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.trend.TrendAnalyzer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link TrainedSeries} into the {@link StoredForecast} the API serves.
 *
 * <ul>
 *   <li>Quantiles assume a predictive distribution symmetric about the mean (the models' intervals are normal, or
 *       normal recalibrated by backtest errors): p50 is the mean, p10 and p90 are the bounds of the 80 % interval.
 *   <li>A series with no negative value (sales without returns) gets every number floored at zero. Flooring is
 *       monotone, so quantiles of the floored demand are the floored quantiles and intervals stay nested.
 *   <li>Bounds are made nested ({@code lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95}) should a model's intervals cross.
 *   <li>Accuracy is the backtest MASE and WAPE (in percent) of the chosen candidate; unknown for a fallback.
 *   <li>The trend is the core's {@link TrendAnalyzer} on the observed history (cleaned of its anomalies) and the
 *       forecast means; the anomalies, the recent observed history and the last stock level go with it.
 * </ul>
 */
public final class StoredForecasts {

    private static final AnomalyDetector DETECTOR = new AnomalyDetector();
    private static final TrendAnalyzer ANALYZER = new TrendAnalyzer();

    private StoredForecasts() {
    }

    /** The stored forecast of {@code t} for {@code seller} from run {@code runId}. */
    public static StoredForecast of(String seller, String runId, TrainedSeries t, Instant generatedAt) {
        TimeSeries history = t.history();
        double[] y = history.values();
        boolean floor = nonNegative(y);
        Forecast f = t.forecast();
        int k80 = f.levelIndex(80);
        int k95 = f.levelIndex(95);
        List<Point> points = new ArrayList<>(f.horizon());
        for (int i = 0; i < f.horizon(); i++) {
            double mean = clamp(f.mean()[i], floor);
            double lo80 = Math.min(clamp(f.lower()[k80][i], floor), mean);
            double hi80 = Math.max(clamp(f.upper()[k80][i], floor), mean);
            double lo95 = Math.min(clamp(f.lower()[k95][i], floor), lo80);
            double hi95 = Math.max(clamp(f.upper()[k95][i], floor), hi80);
            LocalDate date = LocalDate.ofEpochDay(history.positionAt(y.length + i));
            points.add(new Point(date, mean, lo80, mean, hi80, lo80, hi80, lo95, hi95));
        }
        Accuracy accuracy = t.accuracy() == null ? Accuracy.unknown()
                : new Accuracy(t.accuracy().mase(), t.accuracy().wape());
        double[] means = new double[points.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = points.get(i).mean();
        }
        TimeSeries observed = t.observed();
        AnomalyReport report = t.anomalies() != null ? t.anomalies() : DETECTOR.detect(observed);
        TrendAnalysis trend = ANALYZER.analyze(observed, report, means);
        SeriesInsights insights = new SeriesInsights(trend, report.anomalies(),
                RecentHistory.tail(LocalDate.ofEpochDay(observed.positionAt(0)), observed.frequency(),
                        observed.values()), t.onHand(), t.onHandDate());
        return new StoredForecast(seller, t.key(), runId, t.model(), history.frequency(), generatedAt, points,
                accuracy, trend.summary(), insights);
    }

    private static boolean nonNegative(double[] y) {
        for (double v : y) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double v, boolean floor) {
        return floor ? Math.max(0, v) : v;
    }
}
