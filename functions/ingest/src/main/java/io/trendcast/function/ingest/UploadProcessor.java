package io.trendcast.function.ingest;

import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.core.candidate.CandidateKeys;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.RunIds;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.core.upload.Cadence;
import io.trendcast.core.upload.CellStream;
import io.trendcast.core.upload.DatasetUpdater;
import io.trendcast.core.upload.DateGrid;
import io.trendcast.core.upload.FeaturePublisher;
import io.trendcast.core.upload.ParsedUpload;
import io.trendcast.core.upload.SalesHistory;
import io.trendcast.core.upload.UploadParser;
import io.trendcast.core.upload.UploadRejectedException;
import io.trendcast.core.upload.UploadReport;
import io.trendcast.core.upload.UploadStatusCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The work on one claimed upload: read and aggregate it, quarantine the rejected rows, merge it into the next
 * dataset version (its days replace only those of earlier uploads, by {@link UploadStamps}), write the run
 * manifest and then the feature shards, the report and the status. A file rejected
 * whole gets its report and status and changes nothing else.
 */
@ApplicationScoped
public class UploadProcessor {

    @Inject
    BlobStore blobs;

    @Inject
    RunStore runs;

    @Inject
    UploadParser parser;

    @Inject
    DatasetUpdater updater;

    @Inject
    FeaturePublisher publisher;

    @Inject
    Cadence cadence;

    @Inject
    IngestConfig config;

    Clock clock = Clock.systemUTC();

    /** Processes the upload; returns the report written. */
    UploadReport process(ObjectCreated object, UploadKey key, String requestId) {
        if (!key.valid()) {
            return finish(object, key, UploadReport.rejectedFile(key.uploadId(), key.seller(), object.key(),
                    key.problem()), UploadState.REJECTED);
        }
        status(object, key, UploadState.RECEIVED, null, null, "");
        ParsedUpload parsed;
        try (InputStream in = blobs.get(object.key())) {
            parsed = parser.parse(key.name(), in);
        } catch (UploadRejectedException e) {
            return finish(object, key, UploadReport.rejectedFile(key.uploadId(), key.seller(), object.key(),
                    e.getMessage()), UploadState.REJECTED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the upload " + object.key(), e);
        }
        try (parsed) {
            quarantine(parsed, key);
            UploadReport report = parsed.report(key.uploadId(), key.seller(), object.key());
            if (parsed.status() == UploadStatusCode.REJECTED) {
                return finish(object, key, report, UploadState.REJECTED);
            }
            try (DatasetUpdater.Applied applied = updater.apply(key.seller(), parsed,
                    UploadStamps.of(object, key, blobs), requestId)) {
                report = publish(key, parsed, applied, report);
            }
            return finish(object, key, report, parsed.status() == UploadStatusCode.PARTIAL ? UploadState.PARTIAL
                    : UploadState.ACCEPTED);
        }
    }

    private UploadReport publish(UploadKey key, ParsedUpload parsed, DatasetUpdater.Applied applied,
                                 UploadReport report) {
        SalesHistory.Summary summary = applied.summary();
        Cadence.Inferred inferred = cadence.infer(summary.days(), parsed.weekStarts());
        String runId = RunIds.of(applied.version(), key.uploadId());
        DateGrid grid = new DateGrid(inferred.frequency(), summary.firstDay());
        int shards = publisher.shardCount(summary.series());
        blobs.put("datasets/" + key.seller() + "/runs/" + runId + ".json", Documents.manifest(
                new Documents.RunManifest(key.seller(), runId, key.uploadId(), applied.version(),
                        inferred.frequency().name(), inferred.season(), inferred.horizon(), shards, summary.series(),
                        LocalDate.ofEpochDay(summary.firstDay()).toString(),
                        LocalDate.ofEpochDay(summary.lastDay()).toString(), summary.covariates(), clock.instant())),
                "application/json");
        List<String> shardKeys;
        try (CellStream history = applied.open()) {
            shardKeys = publisher.publish(key.seller(), runId, history, grid, summary.lastDay());
        }
        for (String model : globalModels()) {
            blobs.put(CandidateKeys.trigger(key.seller(), runId, model), Documents.globalTrigger(key.seller(), runId,
                    key.uploadId(), applied.version(), model, shardKeys, summary.covariates()), "application/json");
        }
        List<String> warnings = new ArrayList<>();
        if (inferred.warning() != null) {
            warnings.add(inferred.warning());
        }
        if (applied.superseded() > 0) {
            warnings.add(applied.superseded() + " series-days of this file were not applied: a later upload (by "
                    + "creation time) already gives them");
        }
        return report.withRun(inferred.frequency().name(), runId, warnings);
    }

    /** The configured global models, without {@code none}. */
    private List<String> globalModels() {
        return config.globalModels().stream().map(String::trim).filter(m -> !m.isEmpty() && !m.equals("none"))
                .toList();
    }

    private void quarantine(ParsedUpload parsed, UploadKey key) {
        if (parsed.quarantineFile() == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(parsed.quarantineFile())) {
            blobs.put("quarantine/" + key.seller() + "/" + key.uploadId() + "/rejected.csv", in,
                    Files.size(parsed.quarantineFile()), "text/csv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the quarantine file " + parsed.quarantineFile(), e);
        }
    }

    private UploadReport finish(ObjectCreated object, UploadKey key, UploadReport report, UploadState state) {
        String reportKey = "reports/" + key.seller() + "/" + key.uploadId() + ".json";
        String drivers = report.runId() == null || globalModels().isEmpty() ? null
                : "reports/" + key.seller() + "/" + key.uploadId() + "/drivers.json";
        blobs.put(reportKey, Documents.report(report, drivers), "application/json");
        status(object, key, state, reportKey, report.runId(), report.warnings().isEmpty() ? ""
                : report.warnings().get(0));
        return report;
    }

    private void status(ObjectCreated object, UploadKey key, UploadState state, String reportKey, String runId,
                        String message) {
        runs.putUploadStatus(new UploadStatus(key.uploadId(), key.seller(), object.key(), state, reportKey, runId,
                message, Instant.now(clock)));
    }
}
