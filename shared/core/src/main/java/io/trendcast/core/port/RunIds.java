package io.trendcast.core.port;

import java.util.Objects;

/**
 * What a training run id says about the data it was trained on. Ingest names each run {@code r{N}-{uploadId}},
 * where {@code N} is the seller's dataset version the run was built from (functions/ingest README, step 8). A
 * later dataset version always holds every day of an earlier one, so forecasts are ordered by it: a forecast of an
 * older version never replaces one of a newer version (see {@link ForecastStore#putAll}).
 */
public final class RunIds {

    private RunIds() {
    }

    /**
     * The dataset version of {@code runId}: {@code N} of {@code r{N}-…}, or {@code 0} for a run id of another form
     * (such forecasts rank below every versioned one and replace each other freely).
     */
    public static long datasetVersion(String runId) {
        Objects.requireNonNull(runId, "runId");
        int dash = runId.indexOf('-');
        if (runId.length() < 3 || runId.charAt(0) != 'r' || dash < 2 || dash > 19) {
            return 0;
        }
        long v = 0;
        for (int i = 1; i < dash; i++) {
            char c = runId.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The run id ingest gives the run built from {@code datasetVersion} for {@code uploadId}. */
    public static String of(long datasetVersion, String uploadId) {
        if (datasetVersion < 1) {
            throw new IllegalArgumentException("dataset versions start at 1, got " + datasetVersion);
        }
        return "r" + datasetVersion + "-" + Objects.requireNonNull(uploadId, "uploadId");
    }
}
