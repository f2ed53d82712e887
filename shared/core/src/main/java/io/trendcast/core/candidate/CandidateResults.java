package io.trendcast.core.candidate;

import io.trendcast.core.model.Forecast;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The results of one source (the shard's local models, or one global model) for the series of one shard of a run:
 * the stored exchange between training steps (JSON, {@link CandidateKeys} names the objects). Immutable, validated.
 *
 * @param format         {@link #FORMAT}; a reader refuses other values
 * @param source         {@value #LOCAL} or a global model's name ({@code tribuo}, {@code deepar}): lower-case
 *                       letters, digits and dashes
 * @param seller         the seller
 * @param runId          the run
 * @param datasetVersion the dataset version the run was built from
 * @param part           the shard number as written in its key ({@code 0003})
 * @param horizon        the number of forecast steps of every series
 * @param levels         interval levels of the bounds, ascending (80 and 95)
 * @param description    what was fitted (for provenance and logs)
 * @param series         one entry per series of the shard that the source forecast
 */
public record CandidateResults(int format, String source, String seller, String runId, long datasetVersion,
                               String part, int horizon, double[] levels, String description,
                               List<SeriesCandidate> series) {

    /** The format version written now. */
    public static final int FORMAT = 1;
    /** The source name of the shard's local models. */
    public static final String LOCAL = "local";

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern PART = Pattern.compile("\\d{1,9}");

    public CandidateResults {
        if (format != FORMAT) {
            throw new IllegalArgumentException("candidate results format " + format + " is not " + FORMAT
                    + "; written by a newer or older release");
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be lower-case letters, digits and dashes, was '"
                    + source + "'");
        }
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(runId, "runId");
        if (part == null || !PART.matcher(part).matches()) {
            throw new IllegalArgumentException("part must be the shard's digits, was '" + part + "'");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        levels = Forecast.checkLevels(levels).clone();
        description = description == null ? "" : description;
        series = List.copyOf(series);
        Set<String> seen = new HashSet<>();
        for (SeriesCandidate c : series) {
            if (!seen.add(c.series())) {
                throw new IllegalArgumentException(source + " part " + part + ": series '" + c.series()
                        + "' appears twice");
            }
            if (c.mean().length != horizon || c.lower().length != levels.length) {
                throw new IllegalArgumentException(source + " part " + part + ": series '" + c.series() + "' has "
                        + c.mean().length + " steps and " + c.lower().length + " levels, not " + horizon + " and "
                        + levels.length);
            }
        }
    }

    /** Results in the current format. */
    public static CandidateResults of(String source, String seller, String runId, long datasetVersion, String part,
                                      int horizon, double[] levels, String description,
                                      List<SeriesCandidate> series) {
        return new CandidateResults(FORMAT, source, seller, runId, datasetVersion, part, horizon, levels,
                description, series);
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** Whether these are the shard's local results. */
    public boolean isLocal() {
        return LOCAL.equals(source);
    }
}
