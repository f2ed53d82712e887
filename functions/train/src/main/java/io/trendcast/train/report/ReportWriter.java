package io.trendcast.train.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trendcast.core.chart.ReportCharts;
import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.StoredForecast;

import java.util.List;

/**
 * Writes training's part of an upload report. Keys are fixed per upload and shard, so a retried invocation
 * rewrites the same objects.
 * <ul>
 *   <li>{@code reports/{seller}/{uploadId}/anomalies-part-NNNN.json}: {@code {"shard","anomalies":[{item,store,
 *       date,endDate,kind,value,expected,score,rule}]}} for the series of one shard;
 *   <li>{@code reports/{seller}/{uploadId}/top-movers.png} and {@code accuracy.png}: drawn from every stored
 *       forecast of the seller ({@link ReportCharts}).
 * </ul>
 */
public final class ReportWriter {

    private final BlobStore blobs;
    private final ForecastCatalog catalog;
    private final ObjectMapper json;

    public ReportWriter(BlobStore blobs, ForecastCatalog catalog, ObjectMapper json) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.json = json;
    }

    /** The report folder of an upload. */
    public static String folder(String seller, String uploadId) {
        return "reports/" + seller + "/" + uploadId + "/";
    }

    /** Writes the anomalies of the series of shard {@code part}. */
    public void writeAnomalies(String seller, String uploadId, String part, List<StoredForecast> forecasts) {
        ObjectNode root = json.createObjectNode().put("shard", part);
        ArrayNode list = root.putArray("anomalies");
        for (StoredForecast f : forecasts) {
            for (Anomaly a : f.insights().anomalies()) {
                ObjectNode n = list.addObject().put("item", f.item());
                if (f.store() == null) {
                    n.putNull("store");
                } else {
                    n.put("store", f.store());
                }
                n.put("date", a.date().toString()).put("endDate", a.endDate().toString())
                        .put("kind", a.kind().apiName()).put("value", a.value()).put("expected", a.expected())
                        .put("score", a.score()).put("rule", a.rule());
            }
        }
        try {
            blobs.put(folder(seller, uploadId) + "anomalies-part-" + part + ".json", json.writeValueAsBytes(root),
                    "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("anomalies of shard " + part + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Draws the top-movers and accuracy charts of every stored forecast of {@code seller}. */
    public void writeCharts(String seller, String uploadId) {
        List<ForecastSummary> all = catalog.summaries(seller);
        blobs.put(folder(seller, uploadId) + "top-movers.png", ReportCharts.topMovers("Top movers " + seller, all),
                "image/png");
        blobs.put(folder(seller, uploadId) + "accuracy.png", ReportCharts.accuracy("Forecast accuracy " + seller,
                all), "image/png");
    }
}
