package io.trendcast.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.insight.FestivalEffect;
import io.trendcast.core.insight.RecentHistory;
import io.trendcast.core.insight.SeasonalPeak;
import io.trendcast.core.insight.SeriesInsights;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.series.Frequency;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps {@link SeriesInsights} to attributes of a Forecasts item and back: {@code insights} (a JSON string with the
 * trend analysis and the anomalies), {@code history} (a JSON string {@code {"start","values"}}), {@code onHand}
 * and {@code onHandDate}. JSON strings keep the item compact and let a Query project the small {@code insights}
 * without the long {@code history} and {@code points}. NaN is written as JSON {@code null}. An item written before
 * insights existed reads back as {@link SeriesInsights#only}.
 */
final class InsightItems {

    static final String INSIGHTS = "insights";
    static final String HISTORY = "history";
    static final String ON_HAND = "onHand";
    static final String ON_HAND_DATE = "onHandDate";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InsightItems() {
    }

    static void put(Map<String, AttributeValue> item, SeriesInsights insights) {
        ObjectNode root = JSON.createObjectNode();
        root.set("trend", trendToJson(insights.trend()));
        ArrayNode anomalies = root.putArray("anomalies");
        for (Anomaly a : insights.anomalies()) {
            ObjectNode n = anomalies.addObject();
            n.put("date", a.date().toString());
            n.put("endDate", a.endDate().toString());
            n.put("kind", a.kind().name());
            number(n, "value", a.value());
            number(n, "expected", a.expected());
            number(n, "score", a.score());
            n.put("rule", a.rule());
        }
        item.put(INSIGHTS, Attributes.s(write(root)));
        RecentHistory h = insights.history();
        if (h.length() > 0) {
            ObjectNode history = JSON.createObjectNode();
            history.put("start", h.start().toString());
            ArrayNode values = history.putArray("values");
            for (double v : h.values()) {
                if (Double.isFinite(v)) {
                    values.add(v);
                } else {
                    values.addNull();
                }
            }
            item.put(HISTORY, Attributes.s(write(history)));
        }
        Attributes.putIfFinite(item, ON_HAND, insights.onHand());
        if (insights.onHandDate() != null) {
            item.put(ON_HAND_DATE, Attributes.s(insights.onHandDate().toString()));
        }
    }

    static SeriesInsights read(Map<String, AttributeValue> item, Trend trend, Frequency frequency) {
        if (!item.containsKey(INSIGHTS)) {
            return SeriesInsights.only(trend, frequency);
        }
        JsonNode root = parse(Attributes.string(item, INSIGHTS));
        RecentHistory history = RecentHistory.empty(frequency);
        if (item.containsKey(HISTORY)) {
            JsonNode h = parse(Attributes.string(item, HISTORY));
            JsonNode values = h.path("values");
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(values.get(i));
            }
            history = new RecentHistory(LocalDate.parse(h.path("start").asText()), frequency, v);
        }
        String onHandDate = Attributes.optionalString(item, ON_HAND_DATE);
        return new SeriesInsights(trendFromJson(root.path("trend"), trend), anomalies(root.path("anomalies")),
                history, Attributes.doubleOrNaN(item, ON_HAND), onHandDate == null ? null
                : LocalDate.parse(onHandDate));
    }

    /** The trend analysis and anomalies alone, from an item projected without history and points. */
    static TrendAnalysis trend(Map<String, AttributeValue> item, Trend summary) {
        return item.containsKey(INSIGHTS) ? trendFromJson(parse(Attributes.string(item, INSIGHTS)).path("trend"),
                summary) : TrendAnalysis.of(summary);
    }

    static List<Anomaly> anomalies(Map<String, AttributeValue> item) {
        return item.containsKey(INSIGHTS) ? anomalies(parse(Attributes.string(item, INSIGHTS)).path("anomalies"))
                : List.of();
    }

    private static ObjectNode trendToJson(TrendAnalysis t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("direction", t.direction().name());
        number(n, "changePct", t.changePct());
        number(n, "zScore", t.zScore());
        number(n, "recentMean", t.recentMean());
        number(n, "forecastMean", t.forecastMean());
        number(n, "slopePerPeriod", t.slopePerPeriod());
        if (t.since() != null) {
            n.put("since", t.since().toString());
        }
        ArrayNode peaks = n.putArray("peaks");
        for (SeasonalPeak p : t.peaks()) {
            ObjectNode pn = peaks.addObject().put("date", p.date().toString());
            number(pn, "mean", p.mean());
            number(pn, "liftPct", p.liftPct());
        }
        ArrayNode festivals = n.putArray("festivals");
        for (FestivalEffect f : t.festivals()) {
            ObjectNode fn = festivals.addObject().put("name", f.name()).put("nextDate", f.nextDate().toString());
            number(fn, "liftPct", f.liftPct());
            fn.put("occurrences", f.occurrences());
        }
        return n;
    }

    private static TrendAnalysis trendFromJson(JsonNode n, Trend summary) {
        if (n.isMissingNode() || n.isNull()) {
            return TrendAnalysis.of(summary);
        }
        List<SeasonalPeak> peaks = new ArrayList<>();
        for (JsonNode p : n.path("peaks")) {
            peaks.add(new SeasonalPeak(LocalDate.parse(p.path("date").asText()), number(p.get("mean")),
                    number(p.get("liftPct"))));
        }
        List<FestivalEffect> festivals = new ArrayList<>();
        for (JsonNode f : n.path("festivals")) {
            festivals.add(new FestivalEffect(f.path("name").asText(), LocalDate.parse(f.path("nextDate").asText()),
                    number(f.get("liftPct")), f.path("occurrences").asInt()));
        }
        String since = n.path("since").isTextual() ? n.path("since").asText() : null;
        return new TrendAnalysis(Trend.Direction.valueOf(n.path("direction").asText()), number(n.get("changePct")),
                number(n.get("zScore")), number(n.get("recentMean")), number(n.get("forecastMean")),
                number(n.get("slopePerPeriod")), since == null ? null : LocalDate.parse(since), peaks, festivals);
    }

    private static List<Anomaly> anomalies(JsonNode array) {
        List<Anomaly> out = new ArrayList<>();
        for (JsonNode a : array) {
            out.add(new Anomaly(LocalDate.parse(a.path("date").asText()), LocalDate.parse(a.path("endDate").asText()),
                    Anomaly.Kind.valueOf(a.path("kind").asText()), number(a.get("value")),
                    number(a.get("expected")), number(a.get("score")), a.path("rule").asText()));
        }
        return out;
    }

    private static void number(ObjectNode n, String name, double v) {
        if (Double.isFinite(v)) {
            n.put(name, v);
        } else {
            n.putNull(name);
        }
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("insights cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("insights are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
