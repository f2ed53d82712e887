package io.trendcast.train.shard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/** Reads a run manifest and a feature shard from the bucket, hashing the shard as it streams. */
public final class ShardLoader {

    private final BlobStore blobs;
    private final ObjectMapper json;
    private final FeatureShardReader reader;

    public ShardLoader(BlobStore blobs, ObjectMapper json, FeatureShardReader reader) {
        this.blobs = blobs;
        this.json = json;
        this.reader = reader;
    }

    /** The series of one shard and the SHA-256 of the object as stored. */
    public record Loaded(List<ShardSeries> series, String sha256) {
    }

    /**
     * The manifest of the shard's run, checked.
     *
     * @throws ManifestMissingException when ingest has not written it (yet)
     * @throws ShardFormatException     when it is not a valid manifest
     */
    public RunManifest manifest(ShardKey shard) {
        return manifest(shard.seller(), shard.runId(), "shard " + shard.key());
    }

    /**
     * The manifest of run {@code runId} of {@code seller}, checked; {@code reader} names what needs it.
     *
     * @throws ManifestMissingException when ingest has not written it (yet)
     * @throws ShardFormatException     when it is not a valid manifest
     */
    public RunManifest manifest(String seller, String runId, String reader) {
        String key = "datasets/" + seller + "/runs/" + runId + ".json";
        try (InputStream in = blobs.get(key)) {
            RunManifest manifest = json.readValue(in, RunManifest.class).validated(key);
            if (!manifest.seller().equals(seller) || !manifest.runId().equals(runId)) {
                throw new ShardFormatException(key + ": manifest is for seller '" + manifest.seller() + "', run '"
                        + manifest.runId() + "', not for " + reader);
            }
            return manifest;
        } catch (NotFoundException e) {
            throw new ManifestMissingException("no run manifest " + key + " for " + reader + "; ingest "
                    + "writes it before the shards, so retry later, or check the run id", e);
        } catch (JsonProcessingException e) {
            throw new ShardFormatException(key + ": not a run manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** The series of {@code shard}, gunzipped when its key ends in {@code .gz}. */
    public Loaded shard(ShardKey shard) {
        Read<List<ShardSeries>> read = read(shard, in -> reader.read(in, shard.key()));
        return new Loaded(read.value(), read.sha256());
    }

    /** What a reader made of a shard, and the SHA-256 of the object as stored. */
    public record Read<T>(T value, String sha256) {
    }

    /** Reads {@code shard} with {@code parse} (given the decompressed stream, which it must not close). */
    public <T> Read<T> read(ShardKey shard, Function<InputStream, T> parse) {
        MessageDigest digest = sha256();
        try (InputStream raw = new DigestInputStream(blobs.get(shard.key()), digest);
             InputStream in = shard.gzipped() ? new GZIPInputStream(raw, 64 * 1024) : raw) {
            T value = parse.apply(in);
            raw.transferTo(OutputStream.nullOutputStream());
            return new Read<>(value, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new ShardFormatException(shard.key() + ": cannot read shard (" + e.getMessage() + "); is it "
                    + (shard.gzipped() ? "gzip" : "plain CSV") + " as its name says?", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
