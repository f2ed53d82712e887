package io.trendcast.core.trend;

import io.trendcast.core.anomaly.AnomalyDetector;
import io.trendcast.core.anomaly.AnomalyReport;
import io.trendcast.core.anomaly.InjectedSeries;
import io.trendcast.core.insight.FestivalEffect;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendAnalyzerTest {

    private final AnomalyDetector detector = new AnomalyDetector();
    private final TrendAnalyzer analyzer = new TrendAnalyzer();

    /** The forecast continuing the injected trend for 28 days. */
    private static double[] continuing(double last, double slope) {
        double[] f = new double[28];
        for (int i = 0; i < f.length; i++) {
            f[i] = last + slope * (i + 1);
        }
        return f;
    }

    @Test
    void theInjectedTrendIsRisingSinceItsStartDespiteShiftSpikesAndStockout() {
        TimeSeries s = InjectedSeries.series();
        AnomalyReport report = detector.detect(s);
        double level = 140 + InjectedSeries.SLOPE * (InjectedSeries.LENGTH - InjectedSeries.TREND);
        TrendAnalysis t = analyzer.analyze(s, report, continuing(level, InjectedSeries.SLOPE));
        assertEquals(Direction.RISING, t.direction());
        assertTrue(t.significant() && t.zScore() > 10, "z = " + t.zScore());
        // last 28 days average level - 8.7 below the last; the forecast averages 8.7 above: about +17/205 = 8 %
        assertEquals(8.5, t.changePct(), 1.5);
        assertEquals(InjectedSeries.SLOPE, t.slopePerPeriod(), 0.1);
        long off = ChronoUnit.DAYS.between(InjectedSeries.day(InjectedSeries.TREND), t.since());
        assertTrue(Math.abs(off) <= 7, "trend since " + t.since() + ", injected on "
                + InjectedSeries.day(InjectedSeries.TREND));
    }

    @Test
    void aFlatForecastOfNoisyDataIsFlatWithNoStartDate() {
        Random random = new Random(5);
        double[] y = new double[300];
        for (int t = 0; t < y.length; t++) {
            y[t] = 60 + 8 * random.nextGaussian();
        }
        TimeSeries s = new TimeSeries("flat", Frequency.DAILY, 0, 7, y);
        double[] f = new double[28];
        java.util.Arrays.fill(f, 61);
        TrendAnalysis t = analyzer.analyze(s, detector.detect(s), f);
        assertEquals(Direction.FLAT, t.direction());
        assertTrue(Math.abs(t.zScore()) < 1.96, "z = " + t.zScore());
        assertNull(t.since());
    }

    @Test
    void aFallingForecastAgainstQuietHistoryIsFalling() {
        double[] y = new double[200];
        Random random = new Random(9);
        for (int t = 0; t < y.length; t++) {
            y[t] = 300 - 0.5 * t + 3 * random.nextGaussian();
        }
        TimeSeries s = new TimeSeries("down", Frequency.DAILY, 0, 7, y);
        TrendAnalysis t = analyzer.analyze(s, detector.detect(s), continuing(200, -0.5));
        assertEquals(Direction.FALLING, t.direction());
        assertTrue(t.changePct() < -2);
        assertEquals(LocalDate.ofEpochDay(0), t.since(), "one straight line: the trend runs from the start");
    }

    @Test
    void blackFridayLiftIsFoundAndItsNextDateGiven() {
        LocalDate start = LocalDate.of(2022, 9, 1);
        int n = (int) ChronoUnit.DAYS.between(start, LocalDate.of(2024, 12, 31)) + 1;
        double[] y = new double[n];
        Random random = new Random(1);
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 4 * random.nextGaussian();
            LocalDate d = start.plusDays(t);
            if (d.equals(io.trendcast.core.features.Festival.BLACK_FRIDAY.dateIn(d.getYear()))) {
                y[t] *= 2.5;
            }
        }
        TimeSeries s = new TimeSeries("bf", Frequency.DAILY, start.toEpochDay(), 7, y);
        double[] f = new double[28];
        java.util.Arrays.fill(f, 100);
        TrendAnalysis t = analyzer.analyze(s, detector.detect(s), f);
        FestivalEffect bf = t.festivals().stream().filter(e -> e.name().equals("Black Friday")).findFirst()
                .orElseThrow(() -> new AssertionError(t.festivals().toString()));
        assertEquals(LocalDate.of(2025, 11, 28), bf.nextDate());
        assertEquals(3, bf.occurrences());
        assertEquals(150, bf.liftPct(), 20);
        assertEquals(1, t.festivals().size(), t.festivals().toString());
    }

    @Test
    void upcomingPeaksAreTheForecastsHighPoints() {
        double[] y = new double[100];
        java.util.Arrays.fill(y, 50);
        for (int t = 0; t < y.length; t++) {
            y[t] += (t % 2) * 2;
        }
        TimeSeries s = new TimeSeries("p", Frequency.DAILY, 0, 7, y);
        double[] f = new double[14];
        java.util.Arrays.fill(f, 50);
        f[5] = 80;
        f[9] = 70;
        TrendAnalysis t = analyzer.analyze(s, detector.detect(s), f);
        assertEquals(2, t.peaks().size());
        assertEquals(LocalDate.ofEpochDay(100 + 5), t.peaks().get(0).date());
        assertEquals(60, t.peaks().get(0).liftPct(), 1e-9);
        assertEquals(LocalDate.ofEpochDay(100 + 9), t.peaks().get(1).date());
    }

    @Test
    void festivalDatesFollowTheirRules() {
        assertEquals(LocalDate.of(2024, 11, 29), io.trendcast.core.features.Festival.BLACK_FRIDAY.dateIn(2024));
        assertEquals(LocalDate.of(2023, 11, 24), io.trendcast.core.features.Festival.BLACK_FRIDAY.dateIn(2023));
        assertEquals(LocalDate.of(2024, 3, 31), io.trendcast.core.features.Festival.EASTER.dateIn(2024));
        assertEquals(LocalDate.of(2025, 4, 20), io.trendcast.core.features.Festival.EASTER.dateIn(2025));
        assertEquals(LocalDate.of(2000, 4, 23), io.trendcast.core.features.Festival.EASTER.dateIn(2000));
    }
}
