package io.trendcast.api.health;

import io.trendcast.api.error.ErrorBody;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;

/**
 * Liveness of the function and its table: one GetItem of a key that never exists. A store failure becomes the
 * usual 503 error body (see {@code ErrorMappers}).
 */
@Path("/v1/health")
public class HealthResource {

    private static final SeriesKey PROBE = SeriesKey.of("health-probe");

    private final ForecastStore forecasts;

    HealthResource(ForecastStore forecasts) {
        this.forecasts = forecasts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the function reaches its table; no API key needed")
    @APIResponse(responseCode = "200", description = "{\"status\":\"ok\"}")
    @APIResponse(responseCode = "503", description = "the table cannot be reached",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Map<String, String> health() {
        forecasts.get("health-probe", PROBE);
        return Map.of("status", "ok");
    }
}
