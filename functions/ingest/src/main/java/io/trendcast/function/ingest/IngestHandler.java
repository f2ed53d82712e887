package io.trendcast.function.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.event.Sellers;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Lambda entry point ({@code QUARKUS_LAMBDA_HANDLER=ingest}): S3 upload events into {@link IngestService},
 * each invocation booked in the cost ledger.
 */
@Named("ingest")
public class IngestHandler implements RequestHandler<S3Event, String> {

    @Inject
    IngestService service;

    @Inject
    CostMeter meter;

    @Override
    public String handleRequest(S3Event event, Context context) {
        return meter.measure(context.getAwsRequestId(), Sellers.of(event),
                () -> service.handle(event, context.getAwsRequestId()));
    }
}
