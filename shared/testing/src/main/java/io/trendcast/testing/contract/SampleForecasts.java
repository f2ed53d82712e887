package io.trendcast.testing.contract;

import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.series.Frequency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Plausible {@link StoredForecast} values for store tests: ordered quantiles, a rising trend, known accuracy. */
public final class SampleForecasts {

    private SampleForecasts() {
    }

    /** A daily forecast of {@code horizon} steps from 2024-12-01 for one series, scaled by {@code level}. */
    public static StoredForecast daily(String seller, SeriesKey series, int horizon, double level) {
        LocalDate first = LocalDate.of(2024, 12, 1);
        List<Point> points = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            double mean = level * (1 + 0.01 * h);
            double spread = 0.1 * mean * Math.sqrt(h + 1.0);
            points.add(new Point(first.plusDays(h), mean, mean - 1.28 * spread, mean, mean + 1.28 * spread,
                    mean - 1.28 * spread, mean + 1.28 * spread, mean - 1.96 * spread, mean + 1.96 * spread));
        }
        return new StoredForecast(seller, series, "run-20241201T081530Z", "ets(A,Ad,A)", Frequency.DAILY,
                Instant.parse("2024-12-01T08:20:00Z"), points, new Accuracy(0.83, 0.142),
                new Trend(Trend.Direction.RISING, 12.5));
    }
}
