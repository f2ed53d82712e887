package io.trendcast.api.cost;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.cost.MeteredInvocation;
import io.trendcast.core.cost.Outcome;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The api function's line of glue with the cost meter. The HTTP extension provides the Lambda handler, which
 * dispatches each API Gateway event as one request through the HTTP router; a route ahead of all others starts
 * the metered invocation and books it just before the response is written (so the booking is done before the
 * handler returns to Lambda). A 5xx response is an {@code ERROR}; a forecast answered with 200 is one forecast
 * served. The request id is Lambda's; outside Lambda (a plain HTTP run) a random one.
 */
@ApplicationScoped
public class InvocationMetering {

    private static final Pattern SELLER = Pattern.compile("^/v1/sellers/([^/]+)(/.*)?$");
    private static final Pattern FORECAST = Pattern.compile("^/v1/sellers/[^/]+/items/[^/]+/forecast$");

    @Inject
    Provider<CostMeter> meter;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::meter);
    }

    private void meter(RoutingContext rc) {
        String path = rc.normalizedPath();
        MeteredInvocation invocation = meter.get().start(requestId(rc), seller(path), operation(rc, path));
        rc.addHeadersEndHandler(ignored -> {
            int status = rc.response().getStatusCode();
            if (status == 200 && FORECAST.matcher(path).matches()) {
                invocation.work(1, 0);
            }
            meter.get().finish(invocation, status >= 500 ? Outcome.ERROR : Outcome.OK,
                    status >= 500 ? "HTTP " + status : null);
        });
        rc.next();
    }

    private static String requestId(RoutingContext rc) {
        if (rc.request().headers() instanceof QuarkusHttpHeaders headers) {
            Context context = headers.getContextObject(Context.class);
            if (context != null && context.getAwsRequestId() != null) {
                return context.getAwsRequestId();
            }
        }
        return "local-" + UUID.randomUUID();
    }

    /** The route key API Gateway matched (e.g. {@code GET /v1/costs}), else method and path. */
    private static String operation(RoutingContext rc, String path) {
        if (rc.request().headers() instanceof QuarkusHttpHeaders headers) {
            APIGatewayV2HTTPEvent event = headers.getContextObject(APIGatewayV2HTTPEvent.class);
            if (event != null && event.getRouteKey() != null && !event.getRouteKey().isEmpty()) {
                return event.getRouteKey();
            }
        }
        return rc.request().method().name() + " " + path;
    }

    private static String seller(String path) {
        Matcher matcher = SELLER.matcher(path == null ? "" : path);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
