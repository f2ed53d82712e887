package io.trendcast.deeptrain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.cost.MeterSettings;
import io.trendcast.aws.cost.UsageCounter;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.event.S3EventDecoder;
import io.trendcast.aws.event.Sellers;
import io.trendcast.aws.s3.S3BlobStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda entry point ({@code io.trendcast.deeptrain.DeepTrainHandler::handleRequest}, the image's CMD) for
 * {@code features/{seller}/{run}/deepar.json} object-created events: decodes the event and trains each run named in
 * it. Clients and the service are built once per container; each invocation is booked in the cost ledger.
 */
public final class DeepTrainHandler implements RequestHandler<S3Event, String> {

    private final S3EventDecoder decoder = new S3EventDecoder();
    private final DeepTrainService service;
    private final CostMeter meter;

    /** The constructor Lambda calls: settings from the environment. */
    public DeepTrainHandler() {
        this(DeepTrainConfig.from(System.getenv()));
    }

    DeepTrainHandler(DeepTrainConfig config) {
        this(config, DeepTrainService.deepArConfig(config));
    }

    /** With another DeepAR configuration (tests train a tiny network). */
    DeepTrainHandler(DeepTrainConfig config, io.trendcast.deep.DeepArConfig deepAr) {
        UsageCounter counter = new UsageCounter();
        AwsClients clients = new AwsClients(AwsSettings.forFunction(config.region(),
                config.s3Endpoint() == null ? null : URI.create(config.s3Endpoint()),
                config.dynamoDbEndpoint() == null ? null : URI.create(config.dynamoDbEndpoint())), List.of(counter));
        TableNames tables = TableNames.withPrefix(config.tablePrefix());
        this.meter = new CostMeter(MeterSettings.of("deeptrain", config.memoryMb(), null, config.prices()), counter,
                new DynamoDbCostLedger(clients.dynamoDb(), tables.costLedger()));
        this.service = new DeepTrainService(new S3BlobStore(clients.s3(), config.bucket()), deepAr);
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        return meter.measure(context.getAwsRequestId(), Sellers.of(event), () -> {
            List<String> done = new ArrayList<>();
            for (ObjectCreated object : decoder.decode(event)) {
                DeepTrainService.Result r = service.train(DeepArRunKey.parse(object.key()));
                meter.work(r.series(), 0);
                done.add(r.run() + (r.alreadyDone() ? " (already trained)" : ": " + r.series() + " series, "
                        + r.epochs() + " epochs" + (r.unusable().isEmpty() ? "" : ", " + r.unusable().size()
                        + " series without a forecast (too short, or not finite) left to the other sources: "
                        + r.unusable())));
            }
            return String.join("; ", done);
        });
    }
}
