package io.trendcast.train.candidate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.candidate.CandidateKeys;
import io.trendcast.core.candidate.CandidateResults;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.train.shard.ShardFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Candidate results as JSON objects in the bucket, at the keys of {@link CandidateKeys}. */
public final class CandidateStore {

    private final BlobStore blobs;
    private final ObjectMapper json;

    public CandidateStore(BlobStore blobs, ObjectMapper json) {
        this.blobs = blobs;
        this.json = json;
    }

    /** Writes {@code results} (replacing an earlier write of the same source and shard: a retry). */
    public void put(CandidateResults results) {
        String key = CandidateKeys.results(results.seller(), results.runId(), results.source(), results.part());
        try {
            blobs.put(key, json.writeValueAsBytes(results), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(key + ": candidate results cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The results of {@code source} for shard {@code part} of a run, or empty when not written (yet).
     *
     * @throws ShardFormatException when the object is not valid candidate results
     */
    public Optional<CandidateResults> get(String seller, String runId, String source, String part) {
        String key = CandidateKeys.results(seller, runId, source, part);
        try (InputStream in = blobs.get(key)) {
            return Optional.of(json.readValue(in, CandidateResults.class));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ShardFormatException(key + ": not valid candidate results: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }
}
