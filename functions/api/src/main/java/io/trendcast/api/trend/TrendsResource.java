package io.trendcast.api.trend;

import io.trendcast.api.auth.SellerScoped;
import io.trendcast.api.error.ApiException;
import io.trendcast.api.error.ErrorBody;
import io.trendcast.api.error.Params;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A seller's items ranked by forecast growth. Without {@code direction} every series is ranked, highest change
 * first; {@code rising} keeps the significant rises, highest first; {@code falling} the significant falls, lowest
 * first. Series whose change is undefined (no recent sales) come last.
 */
@Path("/v1/sellers/{seller}/trends")
@SellerScoped
public class TrendsResource {

    /** The most items one response holds. */
    static final int MAX_LIMIT = 1000;

    private final ForecastCatalog catalog;

    TrendsResource(ForecastCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Items ranked by forecast growth", description = "Direction, change in percent, "
            + "significance against the series' own noise, start of the current trend, upcoming peaks and festival "
            + "effects (FORMATS.md section 4).")
    @APIResponse(responseCode = "200", description = "the ranking")
    @APIResponse(responseCode = "400", description = "direction is not rising or falling, or limit not 1-1000",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "no API key, or not a valid one",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "the key may not read this seller",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TrendsResponse trends(@PathParam("seller") String seller, @QueryParam("direction") String direction,
                                 @QueryParam("limit") String limitParam) {
        Direction wanted = parse(direction);
        int limit = Params.integer("limit", limitParam, 50, 1, MAX_LIMIT);
        List<ForecastSummary> matching = new ArrayList<>();
        for (ForecastSummary s : catalog.summaries(seller)) {
            if (wanted == null || s.trend().direction() == wanted) {
                matching.add(s);
            }
        }
        Comparator<ForecastSummary> byChange = Comparator.comparingDouble(s -> finiteOr(s.trend().changePct(),
                wanted == Direction.FALLING ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY));
        matching.sort(wanted == Direction.FALLING ? byChange : byChange.reversed());
        List<TrendsResponse.Item> items = new ArrayList<>();
        for (int i = 0; i < matching.size() && i < limit; i++) {
            items.add(TrendsResponse.item(matching.get(i), i + 1));
        }
        return new TrendsResponse(seller, wanted == null ? "all" : wanted.name().toLowerCase(Locale.ROOT),
                items.size(), matching.size(), items);
    }

    private static Direction parse(String direction) {
        if (direction == null || direction.isEmpty()) {
            return null;
        }
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "rising" -> Direction.RISING;
            case "falling" -> Direction.FALLING;
            default -> throw ApiException.badRequest("direction must be rising or falling, was '" + direction
                    + "'");
        };
    }

    private static double finiteOr(double v, double otherwise) {
        return Double.isFinite(v) ? v : otherwise;
    }
}
