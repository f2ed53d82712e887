package io.trendcast.api.inventory;

import io.trendcast.api.auth.SellerScoped;
import io.trendcast.api.error.ApiException;
import io.trendcast.api.error.ErrorBody;
import io.trendcast.api.error.Params;
import io.trendcast.core.inventory.InventoryAdvice;
import io.trendcast.core.inventory.InventoryPlanner;
import io.trendcast.core.inventory.InventoryRequest;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Inventory advice for one item (at one store) from its stored forecast: {@code leadTimeDays} (required, 1-365),
 * {@code serviceLevel} (0.5-0.999, default 0.95), {@code reviewDays} (0-365, default 0: continuous review),
 * {@code onHand} (default: the stock level of the seller's last upload with an {@code on_hand} column).
 */
@Path("/v1/sellers/{seller}/items/{item}/inventory")
@SellerScoped
public class InventoryResource {

    private final ForecastStore forecasts;

    InventoryResource(ForecastStore forecasts) {
        this.forecasts = forecasts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reorder point, safety stock and order quantity of one item", description = "From the "
            + "forecast distribution of lead-time demand at the service level (FORMATS.md section 4); assumptions "
            + "listed in the response.")
    @APIResponse(responseCode = "200", description = "the advice")
    @APIResponse(responseCode = "400", description = "a parameter is missing or out of range",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "no API key, or not a valid one",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "the key may not read this seller",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "no forecast for this item and store",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public InventoryResponse inventory(@PathParam("seller") String seller, @PathParam("item") String item,
                                       @QueryParam("store") String store,
                                       @QueryParam("leadTimeDays") String leadTimeDays,
                                       @QueryParam("serviceLevel") String serviceLevel,
                                       @QueryParam("reviewDays") String reviewDays,
                                       @QueryParam("onHand") String onHand) {
        if (leadTimeDays == null || leadTimeDays.isBlank()) {
            throw ApiException.badRequest("leadTimeDays is required: the days from placing an order to receiving "
                    + "it (1 to 365)");
        }
        int lead = Params.integer("leadTimeDays", leadTimeDays, 0, 1, 365);
        double level = Params.number("serviceLevel", serviceLevel, InventoryRequest.DEFAULT_SERVICE_LEVEL, 0.5,
                0.999);
        int review = Params.integer("reviewDays", reviewDays, InventoryRequest.DEFAULT_REVIEW_DAYS, 0, 365);
        double requested = Params.number("onHand", onHand, Double.NaN, 0, 1e12);
        StoredForecast f = forecasts.get(seller, SeriesKey.of(item, store))
                .orElseThrow(() -> ApiException.notFound("no forecast for item '" + item + "'"
                        + (store == null ? "" : " at store '" + store + "'") + " of seller '" + seller + "'"));
        if (f.points().isEmpty()) {
            throw ApiException.notFound("the forecast of item '" + item + "' has no points");
        }
        String source;
        double stock;
        if (Double.isFinite(requested)) {
            source = "request";
            stock = requested;
        } else if (f.insights().hasOnHand()) {
            source = "upload";
            stock = f.insights().onHand();
        } else {
            source = "unknown";
            stock = Double.NaN;
        }
        InventoryAdvice a = InventoryPlanner.advise(f.points(), new InventoryRequest(lead, level, review, stock));
        List<String> assumptions = new ArrayList<>(a.assumptions());
        if (source.equals("upload")) {
            assumptions.add("stock on hand is the on_hand value uploaded for " + f.insights().onHandDate()
                    + "; sales since then are not subtracted");
        }
        assumptions.add("the forecast starts " + f.points().get(0).date() + " (the day after the last sales "
                + "uploaded); lead time is counted from then");
        return new InventoryResponse(seller, item, store, lead, level, review,
                new InventoryResponse.Demand(n(a.leadTimeDemandMean()), n(a.leadTimeDemandSd())),
                n(a.reorderPoint()), n(a.safetyStock()), n(a.orderUpTo()), n(a.onHand()), source,
                source.equals("upload") && f.insights().onHandDate() != null
                        ? f.insights().onHandDate().toString() : null,
                a.reorderNow(), n(a.suggestedOrderQuantity()), f.generatedAt().toString(), f.runId(), assumptions);
    }

    private static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
