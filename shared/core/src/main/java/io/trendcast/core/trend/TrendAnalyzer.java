package io.trendcast.core.trend;

import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.anomaly.Decomposition;
import io.trendcast.core.anomaly.Robust;
import io.trendcast.core.insight.FestivalEffect;
import io.trendcast.core.insight.SeasonalPeak;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.core.trend.FestivalCalendar.Festival;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The trend of a series from its history (cleaned by {@link io.trendcast.core.anomaly.AnomalyDetector}) and its
 * forecast.
 * <ul>
 *   <li><b>Change</b>: the mean forecast over the horizon {@code h} against the mean of the last {@code n}
 *       observations ({@code h} rounded up to whole seasons when the season is at most {@code h}, so seasonality
 *       cancels), in percent.
 *   <li><b>Strength</b>: the change in standard errors of the recent mean, {@code z = Δ / (σ/√n)}, with σ the
 *       series' own noise (robust, from the decomposition). The direction is rising or falling only when
 *       {@code |z| ≥ 1.96} and the change is at least {@value #MIN_CHANGE_PCT} %; otherwise flat.
 *   <li><b>Since</b>: a broken line ({@link HingeFit}) through the seasonally adjusted history at its current level
 *       (the last {@value #MAX_FIT} points); when it beats a straight line (F ≥ {@value #MIN_F}) the current
 *       segment starts at the break, else at the start. The date is given when the segment's slope agrees with the
 *       direction and is significant ({@code |t| ≥ 3}).
 *   <li><b>Peaks</b>: forecast dates that are local maxima at least {@value #PEAK_LIFT_PCT} % above the median
 *       forecast of the horizon, and at least 2σ above it; the three highest.
 *   <li><b>Festivals</b> (daily and weekly series): for each festival of {@link FestivalCalendar} seen in the
 *       history, the mean change of sales on it against the expected value (level plus season); reported when at
 *       least {@value #FESTIVAL_LIFT_PCT} % and 2σ away, with its next date.
 * </ul>
 */
public final class TrendAnalyzer {

    /** Smallest change, in percent, that can be called a trend. */
    public static final double MIN_CHANGE_PCT = 2;
    static final int MAX_FIT = 730;
    static final double MIN_F = 10;
    static final double PEAK_LIFT_PCT = 15;
    static final double FESTIVAL_LIFT_PCT = 20;

    /**
     * Analyses {@code history} (its grid: start, frequency, season) given the anomaly detector's {@code report} on it
     * and the forecast means that follow it.
     */
    public TrendAnalysis analyze(TimeSeries history, AnomalyReport report, double[] forecastMean) {
        double[] clean = report.forFitting();
        int len = clean.length;
        int h = forecastMean.length;
        int season = history.season();
        int n = season > 1 && season <= h ? (h + season - 1) / season * season : h;
        n = Math.max(1, Math.min(n, len));
        double recent = mean(clean, len - n, len);
        double future = mean(forecastMean, 0, h);
        double sigma = report.decomposition().sigma();
        double diff = future - recent;
        double z = sigma > 0 ? diff / (sigma / Math.sqrt(n)) : diff == 0 ? 0 : Math.copySign(1e9, diff);
        double changePct = recent == 0 ? (future == 0 ? 0 : Double.NaN) : 100 * diff / Math.abs(recent);
        boolean big = Double.isNaN(changePct) || Math.abs(changePct) >= MIN_CHANGE_PCT;
        Direction direction = Math.abs(z) >= TrendAnalysis.SIGNIFICANT_Z && big
                ? (diff > 0 ? Direction.RISING : Direction.FALLING) : Direction.FLAT;

        double[] slopeAndT = new double[] {Double.NaN, Double.NaN};
        LocalDate since = null;
        if (len >= 3) {
            int from = Math.max(0, len - MAX_FIT);
            double[] adjusted = Arrays.copyOfRange(report.decomposition().adjust(report.atLevel()), from, len);
            int margin = Math.max(2 * Math.max(1, season), 10);
            int segment = 0;
            if (adjusted.length >= 2 * margin + 4) {
                HingeFit fit = HingeFit.fit(adjusted, margin);
                segment = fit.fStatistic() >= MIN_F ? fit.breakAt() : 0;
            }
            slopeAndT = HingeFit.slope(adjusted, segment);
            boolean agrees = direction == Direction.RISING ? slopeAndT[0] > 0
                    : direction == Direction.FALLING && slopeAndT[0] < 0;
            if (agrees && Math.abs(slopeAndT[1]) >= 3) {
                since = LocalDate.ofEpochDay(history.positionAt(from + segment));
            }
        }
        return new TrendAnalysis(direction, changePct, z, recent, future, slopeAndT[0], since,
                peaks(history, len, forecastMean, sigma), festivals(history, report));
    }

    private static List<SeasonalPeak> peaks(TimeSeries history, int len, double[] f, double sigma) {
        double median = Robust.median(f);
        List<SeasonalPeak> peaks = new ArrayList<>();
        if (!(median > 0)) {
            return peaks;
        }
        for (int i = 1; i + 1 < f.length; i++) {
            double lift = 100 * (f[i] / median - 1);
            if (f[i] >= f[i - 1] && f[i] > f[i + 1] && lift >= PEAK_LIFT_PCT && f[i] - median >= 2 * sigma) {
                peaks.add(new SeasonalPeak(LocalDate.ofEpochDay(history.positionAt(len + i)), f[i], lift));
            }
        }
        peaks.sort(Comparator.comparingDouble(SeasonalPeak::liftPct).reversed());
        return peaks.size() > 3 ? List.copyOf(peaks.subList(0, 3)) : peaks;
    }

    private static List<FestivalEffect> festivals(TimeSeries history, AnomalyReport report) {
        Frequency frequency = history.frequency();
        List<FestivalEffect> out = new ArrayList<>();
        if (frequency != Frequency.DAILY && frequency != Frequency.WEEKLY) {
            return out;
        }
        double[] y = history.values();
        double[] atLevel = report.atLevel();
        double[] fitting = report.forFitting();
        Decomposition d = report.decomposition();
        int len = y.length;
        LocalDate first = LocalDate.ofEpochDay(history.positionAt(0));
        LocalDate last = LocalDate.ofEpochDay(history.positionAt(len - 1));
        LocalDate end = frequency == Frequency.WEEKLY ? last.plusDays(6) : last;
        for (Festival festival : FestivalCalendar.FESTIVALS) {
            double liftSum = 0;
            double excessSum = 0;
            int seen = 0;
            for (LocalDate date : FestivalCalendar.between(festival, first, end)) {
                int t = (int) frequency.between(first.toEpochDay(), date.toEpochDay());
                if (t < 0 || t >= len || !Double.isFinite(y[t])) {
                    continue;
                }
                double expected = d.level()[t] + d.seasonal()[t];
                double observed = y[t] + (atLevel[t] - fitting[t]);
                if (!(expected > 0)) {
                    continue;
                }
                liftSum += observed / expected - 1;
                excessSum += observed - expected;
                seen++;
            }
            if (seen == 0) {
                continue;
            }
            double lift = 100 * liftSum / seen;
            if (Math.abs(lift) >= FESTIVAL_LIFT_PCT && Math.abs(excessSum / seen) >= 2 * d.sigma()) {
                out.add(new FestivalEffect(festival.name(), FestivalCalendar.next(festival, last), lift, seen));
            }
        }
        out.sort(Comparator.comparing(FestivalEffect::nextDate));
        return out;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        int m = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(x[i])) {
                s += x[i];
                m++;
            }
        }
        return m == 0 ? Double.NaN : s / m;
    }
}
