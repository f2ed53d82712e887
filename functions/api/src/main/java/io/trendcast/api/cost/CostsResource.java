package io.trendcast.api.cost;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trendcast.api.auth.FinanceOnly;
import io.trendcast.api.error.ApiException;
import io.trendcast.api.error.ErrorBody;
import io.trendcast.core.cost.CostCsv;
import io.trendcast.core.cost.CostGroup;
import io.trendcast.core.cost.CostReport;
import io.trendcast.core.cost.GroupBy;
import io.trendcast.core.port.CostLedger;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The cost report of FORMATS.md section 4: the ledger of {@code from}..{@code to} (UTC days, both included; default
 * the last 30 days) grouped by function, seller or day, with totals, cost per forecast served and per series
 * trained, as JSON or, with {@code format=csv}, as CSV for a spreadsheet. Finance keys only.
 */
@Path("/v1/costs")
@FinanceOnly
public class CostsResource {

    /** The longest period one request may cover (one ledger Query per day). */
    static final int MAX_DAYS = 366;
    static final String CSV = "text/csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final CostLedger ledger;
    private final Clock clock = Clock.systemUTC();

    CostsResource(CostLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "What the functions cost (finance keys only)", description = "The cost ledger of a period "
            + "grouped by function, seller or day, with totals, cost per forecast served and per series trained "
            + "(FORMATS.md section 4). On-demand prices, free tier not deducted.")
    @APIResponse(responseCode = "200", description = "the report, JSON or CSV (format=csv)")
    @APIResponse(responseCode = "400", description = "a malformed date, groupBy or format, or a period over 366 days",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "no API key, or not a valid one",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "not a finance key",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response costs(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("groupBy") String groupBy, @QueryParam("format") String format) {
        LocalDate last = to == null ? LocalDate.now(clock) : date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : date("from", from);
        if (last.isBefore(first)) {
            throw ApiException.badRequest("to (" + last + ") is before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.badRequest("a report covers at most " + MAX_DAYS + " days; ask for several");
        }
        GroupBy grouping;
        try {
            grouping = GroupBy.parse(groupBy == null ? "function" : groupBy);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        CostReport report = CostReport.of(ledger.between(first, last), first, last, grouping);
        if (format == null || format.equals("json")) {
            return Response.ok(json(report), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (format.equals("csv")) {
            return Response.ok(CostCsv.write(report), CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"costs-" + first + "-" + last + "-by-"
                            + grouping.label() + ".csv\"")
                    .build();
        }
        throw ApiException.badRequest("format must be json or csv");
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date YYYY-MM-DD");
        }
    }

    static String json(CostReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("groupBy", report.groupBy().label());
        ArrayNode groups = root.putArray("groups");
        report.groups().forEach(group -> group(groups.addObject(), group));
        group(root.putObject("total"), report.total());
        root.put("forecastsServed", report.forecastsServed());
        root.put("seriesTrained", report.seriesTrained());
        root.put("usdPerForecastServed", report.usdPerForecastServed());
        root.put("usdPerSeriesTrained", report.usdPerSeriesTrained());
        root.put("note", "on-demand prices, free tier not deducted; Lambda duration and requests, S3 requests and "
                + "DynamoDB request units only (no data transfer, storage at rest or CloudWatch)");
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void group(ObjectNode node, CostGroup group) {
        node.put("key", group.key());
        node.put("invocations", group.invocations());
        node.put("errors", group.errors());
        node.put("gbSeconds", group.cost().gbSeconds());
        node.put("s3Gets", group.s3Gets());
        node.put("s3Puts", group.s3Puts());
        node.put("ddbReadUnits", group.ddbReadUnits());
        node.put("ddbWriteUnits", group.ddbWriteUnits());
        node.put("computeUsd", group.cost().computeUsd());
        node.put("requestUsd", group.cost().requestUsd());
        node.put("storageRequestUsd", group.cost().storageRequestUsd());
        node.put("totalUsd", group.cost().totalUsd());
    }
}
