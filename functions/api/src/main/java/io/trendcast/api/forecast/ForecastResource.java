package io.trendcast.api.forecast;

import io.trendcast.api.auth.SellerScoped;
import io.trendcast.api.error.ApiException;
import io.trendcast.api.error.ErrorBody;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
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

/** The forecast of one item, optionally at one store. */
@Path("/v1/sellers/{seller}/items/{item}/forecast")
@SellerScoped
public class ForecastResource {

    private final ForecastStore forecasts;

    ForecastResource(ForecastStore forecasts) {
        this.forecasts = forecasts;
    }

    /**
     * The stored forecast of {@code item} (at {@code store} when given); with {@code history=true} also the recent
     * observed history (up to two years of daily values), for charts.
     *
     * @throws ApiException 404 when the seller has no forecast for that item and store
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The forecast of one item (at one store)", description = "Mean, p10/p50/p90, 80 % and "
            + "95 % intervals per date, backtest accuracy and trend (FORMATS.md section 4).")
    @APIResponse(responseCode = "200", description = "the forecast")
    @APIResponse(responseCode = "400", description = "an id is not 1-128 of letters, digits, '.', '_', '-'",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "no API key, or not a valid one",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "the key may not read this seller",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "no forecast for this item and store",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ForecastResponse forecast(@PathParam("seller") String seller, @PathParam("item") String item,
                                     @QueryParam("store") String store,
                                     @QueryParam("history") boolean history) {
        return forecasts.get(seller, SeriesKey.of(item, store))
                .map(history ? ForecastResponse::withHistory : ForecastResponse::of)
                .orElseThrow(() -> ApiException.notFound("no forecast for item '" + item + "'"
                        + (store == null ? "" : " at store '" + store + "'") + " of seller '" + seller + "'; "
                        + "check the ids, or wait until the upload's training is done"));
    }
}
