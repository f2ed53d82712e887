package io.trendcast.train.fit;

import io.trendcast.core.model.Forecast;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.select.BacktestSummary;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredForecastsTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static TrainedSeries trained(double[] history, double[] mean, double[] sd) {
        TimeSeries ts = new TimeSeries("a", Frequency.WEEKLY, START.toEpochDay(), 1, history);
        Forecast f = Forecast.normal("m", mean, sd, 80, 95);
        return new TrainedSeries(SeriesKey.of("a", "s"), ts, "h", f, "theta", List.of("Theta"),
                new BacktestSummary(3, 0.9, 10, 12.5), List.of(), null, 1);
    }

    @Test
    void quantilesComeFromTheSymmetricIntervalsAndDatesFollowTheHistory() {
        StoredForecast f = StoredForecasts.of("s1", "run-1", trained(new double[] {10, 12, 11},
                new double[] {20, 21}, new double[] {2, 2}), Instant.EPOCH);
        StoredForecast.Point p = f.points().get(0);
        assertEquals(START.plusWeeks(3), p.date());
        assertEquals(START.plusWeeks(4), f.points().get(1).date());
        assertEquals(20, p.p50());
        assertEquals(p.lo80(), p.p10());
        assertEquals(p.hi80(), p.p90());
        assertEquals(20 - 1.2815515655 * 2, p.lo80(), 1e-6);
        assertEquals(20 + 1.9599639845 * 2, p.hi95(), 1e-6);
        assertEquals(0.9, f.accuracy().mase());
        assertEquals(12.5, f.accuracy().wape());
        assertEquals("theta", f.model());
        assertEquals(StoredForecast.Trend.Direction.RISING, f.trend().direction());
    }

    @Test
    void nonNegativeSeriesAreFlooredAtZeroAndStayNested() {
        StoredForecast f = StoredForecasts.of("s1", "run-1", trained(new double[] {0, 1, 0, 2},
                new double[] {0.5, -0.2}, new double[] {3, 3}), Instant.EPOCH);
        for (StoredForecast.Point p : f.points()) {
            assertTrue(p.lo95() >= 0 && p.lo95() <= p.lo80() && p.lo80() <= p.mean() && p.mean() <= p.hi80()
                    && p.hi80() <= p.hi95(), p.toString());
        }
        assertEquals(0.0, f.points().get(1).mean());
    }

    @Test
    void seriesWithReturnsKeepNegativeBounds() {
        StoredForecast f = StoredForecasts.of("s1", "run-1", trained(new double[] {5, -1, 4},
                new double[] {1}, new double[] {3}), Instant.EPOCH);
        assertTrue(f.points().get(0).lo95() < 0);
    }
}
