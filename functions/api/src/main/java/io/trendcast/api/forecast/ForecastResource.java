package io.trendcast.api.forecast;

import io.trendcast.api.auth.SellerScoped;
import io.trendcast.api.error.ApiException;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The forecast of one item, optionally at one store. */
@Path("/v1/sellers/{seller}/items/{item}/forecast")
@SellerScoped
public class ForecastResource {

    private final ForecastStore forecasts;

    ForecastResource(ForecastStore forecasts) {
        this.forecasts = forecasts;
    }

    /**
     * The stored forecast of {@code item} (at {@code store} when given).
     *
     * @throws ApiException 404 when the seller has no forecast for that item and store
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ForecastResponse forecast(@PathParam("seller") String seller, @PathParam("item") String item,
                                     @QueryParam("store") String store) {
        return forecasts.get(seller, SeriesKey.of(item, store))
                .map(ForecastResponse::of)
                .orElseThrow(() -> ApiException.notFound("no forecast for item '" + item + "'"
                        + (store == null ? "" : " at store '" + store + "'") + " of seller '" + seller + "'; "
                        + "check the ids, or wait until the upload's training is done"));
    }
}
