package io.trendcast.function.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trendcast.core.upload.RejectedRow;
import io.trendcast.core.upload.UploadReport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The JSON documents the function writes: the upload report (FORMATS.md §2) and the run manifest. */
final class Documents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Documents() {
    }

    /** The report with FORMATS.md §2's field names and order; absent values are {@code null}. */
    static byte[] report(UploadReport r) {
        return report(r, null);
    }

    /**
     * The report, and when {@code drivers} is given, the key where the run's global step will write the driver
     * report ({@code "drivers"}; the API serves the report itself in its place once written).
     */
    static byte[] report(UploadReport r, String drivers) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("uploadId", r.uploadId());
        o.put("seller", r.seller());
        o.put("source", r.source());
        o.put("status", r.status().name());
        o.put("rowsRead", r.rowsRead());
        o.put("rowsAccepted", r.rowsAccepted());
        o.put("rowsRejected", r.rowsRejected());
        ArrayNode rejected = o.putArray("rejected");
        for (RejectedRow row : r.rejected()) {
            rejected.addObject().put("line", row.line()).put("column", row.column()).put("value", row.value())
                    .put("reason", row.reason());
        }
        o.put("series", r.series());
        o.put("from", r.from() == null ? null : r.from().toString());
        o.put("to", r.to() == null ? null : r.to().toString());
        o.put("frequency", r.frequency());
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        o.put("runId", r.runId());
        if (drivers != null) {
            o.put("drivers", drivers);
        }
        return bytes(o);
    }

    /**
     * The run manifest {@code datasets/{seller}/runs/{runId}.json}, written before the shards it announces.
     *
     * @param m the run
     */
    static byte[] manifest(RunManifest m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seller", m.seller());
        o.put("runId", m.runId());
        o.put("uploadId", m.uploadId());
        o.put("datasetVersion", m.datasetVersion());
        o.put("frequency", m.frequency());
        o.put("season", m.season());
        o.put("horizon", m.horizon());
        o.put("shards", m.shardCount());
        o.put("series", m.seriesCount());
        o.put("from", m.from());
        o.put("to", m.to());
        ArrayNode covariates = o.putArray("covariates");
        m.covariates().forEach(covariates::add);
        o.put("createdAt", m.createdAt().toString());
        return bytes(o);
    }

    /**
     * The trigger of global model {@code model} for a run ({@code features/{seller}/{run}/global/{model}.json}),
     * written after every shard of the run.
     */
    static byte[] globalTrigger(String seller, String runId, String uploadId, long datasetVersion, String model,
                                List<String> shards, List<String> covariates) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("seller", seller);
        o.put("runId", runId);
        o.put("uploadId", uploadId);
        o.put("datasetVersion", datasetVersion);
        o.put("source", model);
        ArrayNode keys = o.putArray("shards");
        shards.forEach(keys::add);
        ArrayNode names = o.putArray("covariates");
        covariates.forEach(names::add);
        return bytes(o);
    }

    private static byte[] bytes(ObjectNode o) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * What a training run is to read.
     *
     * @param from first date of the dataset (ISO), {@code to} its last: the end of every series' grid
     */
    record RunManifest(String seller, String runId, String uploadId, long datasetVersion, String frequency,
                       int season, int horizon, int shardCount, long seriesCount, String from, String to,
                       List<String> covariates, Instant createdAt) {
    }
}
