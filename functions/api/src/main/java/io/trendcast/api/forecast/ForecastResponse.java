package io.trendcast.api.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.trendcast.core.insight.RecentHistory;
import io.trendcast.core.port.StoredForecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The forecast JSON of FORMATS.md §4. Numbers that were not computed (NaN in the store) are {@code null}; the
 * trend direction is lower case; {@code wape} is in percent.
 *
 * @param seller      the seller
 * @param item        the item
 * @param store       the store, or {@code null}
 * @param frequency   {@code DAILY}, {@code WEEKLY}…
 * @param generatedAt when the forecast was produced (ISO-8601 instant)
 * @param runId       the training run that produced it
 * @param model       the chosen model
 * @param horizon     the number of points
 * @param points      one per forecast date
 * @param accuracy    backtest accuracy
 * @param trend       forecast against recent history
 * @param history     the recent observed history ({@code ?history=true} only; left out otherwise)
 */
public record ForecastResponse(String seller, String item, String store, String frequency, String generatedAt,
                               String runId, String model, int horizon, List<PointJson> points,
                               AccuracyJson accuracy, TrendJson trend,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryJson> history) {

    /** One observed date; {@code value} is {@code null} where nothing was recorded. */
    public record HistoryJson(String date, Double value) {
    }

    /** One forecast date: mean, quantiles, intervals. */
    public record PointJson(String date, Double mean, Double p10, Double p50, Double p90, Double lo80, Double hi80,
                            Double lo95, Double hi95) {
    }

    /** Backtest accuracy: MASE, and WAPE in percent. */
    public record AccuracyJson(Double mase, Double wape) {
    }

    /** Trend: {@code rising}, {@code falling} or {@code flat}, and the change in percent. */
    public record TrendJson(String direction, Double changePct) {
    }

    /** The response for {@code f} with its recent history. */
    public static ForecastResponse withHistory(StoredForecast f) {
        ForecastResponse r = of(f);
        RecentHistory h = f.insights().history();
        double[] values = h.values();
        List<HistoryJson> history = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            history.add(new HistoryJson(h.dateAt(i).toString(), n(values[i])));
        }
        return new ForecastResponse(r.seller, r.item, r.store, r.frequency, r.generatedAt, r.runId, r.model,
                r.horizon, r.points, r.accuracy, r.trend, history);
    }

    /** The response for {@code f}. */
    public static ForecastResponse of(StoredForecast f) {
        List<PointJson> points = new ArrayList<>(f.points().size());
        for (StoredForecast.Point p : f.points()) {
            points.add(new PointJson(p.date().toString(), n(p.mean()), n(p.p10()), n(p.p50()), n(p.p90()),
                    n(p.lo80()), n(p.hi80()), n(p.lo95()), n(p.hi95())));
        }
        return new ForecastResponse(f.seller(), f.item(), f.store(), f.frequency().name(),
                f.generatedAt().toString(), f.runId(), f.model(), f.horizon(), points,
                new AccuracyJson(n(f.accuracy().mase()), n(f.accuracy().wape())),
                new TrendJson(f.trend().direction().name().toLowerCase(Locale.ROOT), n(f.trend().changePct())), null);
    }

    private static Double n(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
