package io.trendcast.aws.cost;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trendcast.core.cost.CostRecord;

import java.util.List;

/**
 * A {@link CostRecord} as one CloudWatch Embedded Metric Format log line: namespace {@value #NAMESPACE}, dimension
 * {@code function}, the durations, request counts, capacity units and dollars as metrics, the rest (request id,
 * seller, cold start, outcome) as properties searchable in Logs Insights.
 */
public final class EmfLine {

    /** The metric namespace. */
    public static final String NAMESPACE = "Trendcast/Costs";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final List<String[]> METRICS = List.of(
            new String[] {"durationMs", "Milliseconds"}, new String[] {"billedDurationMs", "Milliseconds"},
            new String[] {"s3Gets", "Count"}, new String[] {"s3Puts", "Count"},
            new String[] {"ddbReadUnits", "Count"}, new String[] {"ddbWriteUnits", "Count"},
            new String[] {"computeUsd", "None"}, new String[] {"requestUsd", "None"},
            new String[] {"storageRequestUsd", "None"}, new String[] {"totalUsd", "None"});

    private EmfLine() {
    }

    /** The line, without a line break. */
    public static String of(CostRecord record) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", record.startedAt().toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("function");
        ArrayNode metrics = directive.putArray("Metrics");
        for (String[] metric : METRICS) {
            metrics.addObject().put("Name", metric[0]).put("Unit", metric[1]);
        }
        root.put("function", record.function());
        root.put("requestId", record.requestId());
        root.put("seller", record.seller());
        root.put("operation", record.operation());
        root.put("startedAt", record.startedAt().toString());
        root.put("memoryMb", record.memoryMb());
        root.put("architecture", record.architecture().label());
        root.put("coldStart", record.coldStart());
        root.put("outcome", record.outcome().name());
        if (record.error() != null) {
            root.put("error", record.error());
        }
        root.put("units", record.units());
        root.put("seriesDays", record.seriesDays());
        root.put("durationMs", record.durationMs());
        root.put("billedDurationMs", record.billedDurationMs());
        root.put("s3Gets", record.s3Gets());
        root.put("s3Puts", record.s3Puts());
        root.put("ddbReadUnits", record.ddbReadUnits());
        root.put("ddbWriteUnits", record.ddbWriteUnits());
        root.put("gbSeconds", record.cost().gbSeconds());
        root.put("computeUsd", record.cost().computeUsd());
        root.put("requestUsd", record.cost().requestUsd());
        root.put("storageRequestUsd", record.cost().storageRequestUsd());
        root.put("totalUsd", record.cost().totalUsd());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
