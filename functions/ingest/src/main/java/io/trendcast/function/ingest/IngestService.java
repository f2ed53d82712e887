package io.trendcast.function.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.trendcast.aws.cost.CostMeter;
import io.trendcast.aws.event.MalformedEventException;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.event.S3EventDecoder;
import io.trendcast.core.port.ConflictException;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.core.upload.UploadReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handles S3 events for uploads. Each created object under {@code uploads/} is claimed once on its idempotency key
 * (bucket, key, version or ETag): a redelivered or retried event finds the claim completed and changes nothing;
 * one that finds it still held by another invocation fails, so that it is retried rather than dropped.
 * Objects elsewhere are ignored. A failure that is not the file's fault marks the claim failed (so the retry S3 and
 * Lambda make can take it) and is rethrown.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    @Inject
    S3EventDecoder decoder;

    @Inject
    RunStore runs;

    @Inject
    UploadProcessor processor;

    @Inject
    IngestConfig config;

    @Inject
    CostMeter meter;

    Clock clock = Clock.systemUTC();

    /** Processes every upload of the event; returns one summary line per object. */
    public String handle(S3EventNotification event, String requestId) {
        List<ObjectCreated> objects;
        try {
            objects = decoder.decode(event);
        } catch (MalformedEventException e) {
            LOG.warnf("ignoring a malformed S3 event: %s", e.getMessage());
            return "ignored: " + e.getMessage();
        }
        List<String> summaries = new ArrayList<>();
        for (ObjectCreated object : objects) {
            summaries.add(handle(object, requestId));
        }
        return String.join("\n", summaries);
    }

    private String handle(ObjectCreated object, String requestId) {
        if (!object.key().startsWith(UploadKey.PREFIX)) {
            return "ignored " + object.key() + ": not under " + UploadKey.PREFIX;
        }
        String claim = object.idempotencyKey();
        if (!runs.claim(claim, requestId, clock.instant().plus(config.claimLease()))) {
            Optional<RunRecord> held = runs.run(claim);
            if (held.isPresent() && held.get().status() == RunStatus.IN_PROGRESS) {
                throw new ConflictException(object.key() + " is in hand of invocation " + held.get().owner()
                        + " until " + held.get().leaseUntil() + "; this delivery fails so that it is retried, and "
                        + "lands in the dead-letter queue rather than being dropped should that invocation have died");
            }
            LOG.infof("%s is done; nothing to do", claim);
            return "duplicate " + object.key();
        }
        UploadKey key = UploadKey.of(object);
        try {
            UploadReport report = processor.process(object, key, requestId);
            meter.work(report.series(), report.from() == null ? 0
                    : report.series() * (ChronoUnit.DAYS.between(report.from(), report.to()) + 1));
            String summary = report.uploadId() + " " + report.status() + (report.runId() == null ? ""
                    : " run " + report.runId());
            runs.complete(claim, requestId, summary);
            LOG.infof("%s: %s", object.key(), summary);
            return summary;
        } catch (NotFoundException gone) {
            status(key, object, UploadState.FAILED, "the object disappeared before it could be read");
            runs.complete(claim, requestId, "object gone: " + gone.getMessage());
            return "gone " + object.key();
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingest of %s failed", object.key());
            try {
                status(key, object, UploadState.FAILED, e.getMessage());
                runs.fail(claim, requestId, String.valueOf(e.getMessage()));
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void status(UploadKey key, ObjectCreated object, UploadState state, String message) {
        runs.putUploadStatus(new UploadStatus(key.uploadId(), key.seller(), object.key(), state, null, null, message,
                Instant.now(clock)));
    }
}
