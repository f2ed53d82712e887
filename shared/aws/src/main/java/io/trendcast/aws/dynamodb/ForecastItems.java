package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.series.Frequency;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.trendcast.aws.dynamodb.Attributes.doubleOrNaN;
import static io.trendcast.aws.dynamodb.Attributes.putIfFinite;
import static io.trendcast.aws.dynamodb.Attributes.s;
import static io.trendcast.aws.dynamodb.Attributes.string;

/**
 * Maps a {@link StoredForecast} to one Forecasts item and back. The horizon is a list attribute {@code points}
 * of maps ({@code date, mean, p10, p50, p90, lo80, hi80, lo95, hi95}); numbers that are NaN are left out and read
 * back as NaN. A daily horizon of a year stays far below DynamoDB's 400 KB item limit.
 */
final class ForecastItems {

    /** The dataset version of the forecast's run ({@link io.trendcast.core.port.RunIds}), the condition key. */
    static final String DATASET_VERSION = "datasetVersion";
    private static final String[] POINT_FIELDS = {"mean", "p10", "p50", "p90", "lo80", "hi80", "lo95", "hi95"};

    private ForecastItems() {
    }

    static Map<String, AttributeValue> key(String seller, SeriesKey series) {
        return Map.of(TableSchemas.FORECASTS_PK, s(seller), TableSchemas.FORECASTS_SK, s(series.encode()));
    }

    static Map<String, AttributeValue> toItem(StoredForecast f) {
        Map<String, AttributeValue> item = new HashMap<>(key(f.seller(), f.series()));
        item.put("item", s(f.item()));
        Attributes.putIfPresent(item, "store", f.store());
        item.put("runId", s(f.runId()));
        item.put("model", s(f.model()));
        item.put("frequency", s(f.frequency().name()));
        item.put("generatedAt", Attributes.instant(f.generatedAt()));
        item.put("horizon", Attributes.n(f.horizon()));
        List<AttributeValue> points = new ArrayList<>(f.points().size());
        for (Point p : f.points()) {
            points.add(AttributeValue.fromM(pointToMap(p)));
        }
        item.put("points", AttributeValue.fromL(points));
        putIfFinite(item, "mase", f.accuracy().mase());
        putIfFinite(item, "wape", f.accuracy().wape());
        item.put("trendDirection", s(f.trend().direction().name()));
        putIfFinite(item, "trendChangePct", f.trend().changePct());
        InsightItems.put(item, f.insights());
        return item;
    }

    static StoredForecast fromItem(Map<String, AttributeValue> item) {
        List<AttributeValue> stored = item.containsKey("points") ? item.get("points").l() : List.of();
        List<Point> points = new ArrayList<>(stored.size());
        for (AttributeValue value : stored) {
            points.add(pointFromMap(value.m()));
        }
        Trend trend = trend(item);
        Frequency frequency = Frequency.valueOf(string(item, "frequency"));
        return new StoredForecast(
                string(item, TableSchemas.FORECASTS_PK),
                SeriesKey.of(string(item, "item"), Attributes.optionalString(item, "store")),
                string(item, "runId"),
                string(item, "model"),
                frequency,
                Attributes.instant(item, "generatedAt"),
                points,
                new Accuracy(doubleOrNaN(item, "mase"), doubleOrNaN(item, "wape")),
                trend,
                InsightItems.read(item, trend, frequency));
    }

    /** The attributes a {@link ForecastSummary} needs: everything but {@code points} and {@code history}. */
    static final String SUMMARY_PROJECTION = "#seller, #series, #item, #store, runId, model, frequency, generatedAt, "
            + "mase, wape, trendDirection, trendChangePct, " + InsightItems.INSIGHTS;
    /** The names of {@link #SUMMARY_PROJECTION} that are reserved words or need escaping. */
    static final Map<String, String> SUMMARY_NAMES = Map.of("#seller", TableSchemas.FORECASTS_PK,
            "#series", TableSchemas.FORECASTS_SK, "#item", "item", "#store", "store");

    static ForecastSummary summaryFromItem(Map<String, AttributeValue> item) {
        Trend trend = trend(item);
        return new ForecastSummary(
                string(item, TableSchemas.FORECASTS_PK),
                SeriesKey.of(string(item, "item"), Attributes.optionalString(item, "store")),
                string(item, "runId"),
                string(item, "model"),
                Frequency.valueOf(string(item, "frequency")),
                Attributes.instant(item, "generatedAt"),
                new Accuracy(doubleOrNaN(item, "mase"), doubleOrNaN(item, "wape")),
                InsightItems.trend(item, trend),
                InsightItems.anomalies(item));
    }

    private static Trend trend(Map<String, AttributeValue> item) {
        return new Trend(Trend.Direction.valueOf(string(item, "trendDirection")), doubleOrNaN(item, "trendChangePct"));
    }

    private static Map<String, AttributeValue> pointToMap(Point p) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("date", s(p.date().toString()));
        double[] values = {p.mean(), p.p10(), p.p50(), p.p90(), p.lo80(), p.hi80(), p.lo95(), p.hi95()};
        for (int i = 0; i < POINT_FIELDS.length; i++) {
            putIfFinite(map, POINT_FIELDS[i], values[i]);
        }
        return map;
    }

    private static Point pointFromMap(Map<String, AttributeValue> m) {
        return new Point(LocalDate.parse(string(m, "date")),
                doubleOrNaN(m, "mean"), doubleOrNaN(m, "p10"), doubleOrNaN(m, "p50"), doubleOrNaN(m, "p90"),
                doubleOrNaN(m, "lo80"), doubleOrNaN(m, "hi80"), doubleOrNaN(m, "lo95"), doubleOrNaN(m, "hi95"));
    }
}
