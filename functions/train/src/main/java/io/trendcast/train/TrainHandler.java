package io.trendcast.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.event.S3EventDecoder;
import io.trendcast.aws.event.Sellers;
import io.trendcast.train.fit.TimeBudget;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Lambda entry point for {@code features/} object-created events; chosen by {@code QUARKUS_LAMBDA_HANDLER=train}.
 * Each invocation is booked in the cost ledger.
 */
@Named("train")
public class TrainHandler implements RequestHandler<S3Event, String> {

    private final S3EventDecoder decoder = new S3EventDecoder();

    @Inject
    TrainService service;

    @Inject
    CostMeter meter;

    @Override
    public String handleRequest(S3Event event, Context context) {
        return meter.measure(context.getAwsRequestId(), Sellers.of(event), () -> service.train(decoder.decode(event),
                context.getAwsRequestId(), TimeBudget.of(context.getRemainingTimeInMillis(), service.safetyMargin())));
    }
}
