package io.trendcast.core.anomaly;

import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.insight.Anomaly.Kind;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static io.trendcast.core.anomaly.InjectedSeries.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnomalyDetectorTest {

    private final AnomalyDetector detector = new AnomalyDetector();

    @Test
    void findsEachInjectedEventOnItsDateAndNothingElse() {
        AnomalyReport report = detector.detect(InjectedSeries.series());
        List<Anomaly> a = report.anomalies();
        assertEquals(4, a.size(), a.toString());
        assertEquals(Kind.SPIKE, a.get(0).kind());
        assertEquals(day(InjectedSeries.SPIKE_1), a.get(0).date());
        assertEquals(Kind.LEVEL_SHIFT, a.get(1).kind());
        assertEquals(day(InjectedSeries.SHIFT), a.get(1).date());
        assertEquals(140, a.get(1).value(), 6);
        assertEquals(100, a.get(1).expected(), 6);
        assertEquals(Kind.STOCKOUT, a.get(2).kind());
        assertEquals(day(InjectedSeries.STOCKOUT_FROM), a.get(2).date());
        assertEquals(day(InjectedSeries.STOCKOUT_TO), a.get(2).endDate());
        assertEquals(Kind.SPIKE, a.get(3).kind());
        assertEquals(day(InjectedSeries.SPIKE_2), a.get(3).date());
        for (Anomaly anomaly : a) {
            assertTrue(anomaly.score() >= 4, anomaly.toString());
            assertTrue(anomaly.rule().startsWith(anomaly.kind().apiName() + ":"), anomaly.rule());
        }
    }

    @Test
    void aStockoutLongerThanTheWindowAtTheEndIsImputedAtTheLevelItInterrupted() {
        for (int zeros : new int[] {8, 20, 30}) {
            Random random = new Random(zeros);
            double[] y = new double[120];
            for (int t = 0; t < y.length - zeros; t++) {
                y[t] = Math.round(50 + 7 * (t % 7) + 2 * random.nextGaussian());
            }
            TimeSeries s = new TimeSeries("stopped", Frequency.DAILY, LocalDate.of(2024, 1, 1).toEpochDay(), 7, y);
            AnomalyReport report = detector.detect(s);
            assertTrue(report.anomalies().stream().anyMatch(a -> a.kind() == Kind.STOCKOUT),
                    zeros + " zeros: " + report.anomalies());
            double[] clean = report.forFitting();
            for (int t = y.length - zeros; t < y.length; t++) {
                assertEquals(50 + 7 * (t % 7), clean[t], 6, zeros + " zeros: day " + t + " of " + List.of(clean));
            }
            for (double v : report.atLevel()) {
                assertTrue(Double.isFinite(v), zeros + " zeros: at level " + v);
            }
        }
    }

    @Test
    void cleansTheHistoryForFitting() {
        TimeSeries s = InjectedSeries.series();
        AnomalyReport report = detector.detect(s);
        double[] clean = report.forFitting();
        for (int t = InjectedSeries.STOCKOUT_FROM; t <= InjectedSeries.STOCKOUT_TO; t++) {
            assertEquals(140, clean[t], 15, "stock-out day " + t + " imputed at the local level");
        }
        assertTrue(clean[InjectedSeries.SPIKE_1] < 100 + 10 + 6 * 5 + 5, "spike winsorised: "
                + clean[InjectedSeries.SPIKE_1]);
        assertEquals(s.values()[100], clean[100], "ordinary days untouched");
        assertEquals(clean[100] + 40, report.atLevel()[100], 6, "before the shift moved to the new level");
        assertEquals(clean[300], report.atLevel()[300], 1e-9, "after the shift as it is");
    }

    @Test
    void pureNoiseHasNoAnomalies() {
        Random random = new Random(11);
        double[] y = new double[500];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 5 * Math.sin(2 * Math.PI * t / 7) + 4 * random.nextGaussian();
        }
        TimeSeries s = new TimeSeries("noise", Frequency.DAILY, LocalDate.of(2024, 1, 1).toEpochDay(), 7, y);
        assertEquals(List.of(), detector.detect(s).anomalies());
    }

    @Test
    void aSteepTrendIsNotALevelShift() {
        double[] y = new double[300];
        Random random = new Random(3);
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 3 * t + 5 * random.nextGaussian();
        }
        TimeSeries s = new TimeSeries("ramp", Frequency.DAILY, LocalDate.of(2024, 1, 1).toEpochDay(), 7, y);
        assertEquals(List.of(), detector.detect(s).anomalies());
    }

    @Test
    void aWeeklyClosingDayIsAPatternNotAStockout() {
        double[] y = new double[200];
        Random random = new Random(4);
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 7 == 6 ? 0 : 40 + 3 * random.nextGaussian();
        }
        TimeSeries s = new TimeSeries("closed-sundays", Frequency.DAILY, 0, 7, y);
        AnomalyReport report = detector.detect(s);
        assertTrue(report.anomalies().stream().noneMatch(a -> a.kind() == Kind.STOCKOUT), report.anomalies()
                .toString());
        assertEquals(0.0, report.forFitting()[6]);
    }

    @Test
    void intermittentSeriesAreLeftAlone() {
        double[] y = new double[200];
        for (int t = 0; t < y.length; t += 3) {
            y[t] = t % 9 == 0 ? 4 : 1;
        }
        TimeSeries s = new TimeSeries("sparse", Frequency.DAILY, 0, 7, y);
        AnomalyReport report = detector.detect(s);
        assertEquals(List.of(), report.anomalies());
        assertEquals(y[3], report.forFitting()[3]);
    }
}
