package io.trendcast.api.anomaly;

import io.trendcast.api.auth.SellerScoped;
import io.trendcast.api.error.ApiException;
import io.trendcast.api.error.ErrorBody;
import io.trendcast.api.error.Params;
import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastSummary;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Anomalies in a seller's histories, optionally of one item (and store) or one kind; newest first. */
@Path("/v1/sellers/{seller}/anomalies")
@SellerScoped
public class AnomaliesResource {

    private final ForecastCatalog catalog;

    AnomaliesResource(ForecastCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Anomalies in the seller's sales histories", description = "Spikes, drops, stock-outs "
            + "and level shifts found by training, with score and rule; filters item, store, kind; newest first.")
    @APIResponse(responseCode = "200", description = "the anomalies")
    @APIResponse(responseCode = "400", description = "a bad kind, id or limit",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "no API key, or not a valid one",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "the key may not read this seller",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public AnomaliesResponse anomalies(@PathParam("seller") String seller, @QueryParam("item") String item,
                                       @QueryParam("store") String store, @QueryParam("kind") String kind,
                                       @QueryParam("limit") String limitParam) {
        Anomaly.Kind wanted = parse(kind);
        int limit = Params.integer("limit", limitParam, 500, 1, 5000);
        List<AnomaliesResponse.Entry> found = new ArrayList<>();
        for (ForecastSummary s : catalog.summaries(seller)) {
            if ((item != null && !item.equals(s.series().item()))
                    || (store != null && !store.equals(s.series().store()))) {
                continue;
            }
            for (Anomaly a : s.anomalies()) {
                if (wanted == null || a.kind() == wanted) {
                    found.add(new AnomaliesResponse.Entry(s.series().item(), s.series().store(), a.date().toString(),
                            a.endDate().toString(), a.kind().apiName(), n(a.value()), n(a.expected()),
                            n(a.score()), a.rule()));
                }
            }
        }
        found.sort(Comparator.comparing(AnomaliesResponse.Entry::date).reversed()
                .thenComparing(AnomaliesResponse.Entry::item));
        List<AnomaliesResponse.Entry> page = found.size() > limit ? found.subList(0, limit) : found;
        return new AnomaliesResponse(seller, page.size(), found.size(), List.copyOf(page));
    }

    private static Anomaly.Kind parse(String kind) {
        if (kind == null || kind.isEmpty()) {
            return null;
        }
        for (Anomaly.Kind k : Anomaly.Kind.values()) {
            if (k.apiName().equals(kind.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw ApiException.badRequest("kind must be one of " + Arrays.stream(Anomaly.Kind.values())
                .map(Anomaly.Kind::apiName).toList() + ", was '" + kind + "'");
    }

    private static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
