package io.trendcast.function.ingest;

import io.trendcast.testing.emulators.RepoRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The sample events and files of {@code events/}, and variants of the upload event for other keys. */
final class Events {

    static final Path DIR = RepoRoot.find().resolve("events");
    /** The object key of {@code events/s3-put-upload.json}, decoded. */
    static final String SAMPLE_KEY = "uploads/s1/november sales \u00e9t\u00e9.csv";

    private Events() {
    }

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(DIR.resolve("samples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code s3-put-upload.json} for another key and version, as S3 would encode it. */
    static String uploadEvent(String key, String versionId) {
        return uploadEvent(key, versionId, Instant.parse("2024-12-01T08:15:30.123Z"));
    }

    /** {@code s3-put-upload.json} for another key and version, created at {@code created} (its eventTime). */
    static String uploadEvent(String key, String versionId, Instant created) {
        return read("s3-put-upload.json")
                .replace("2024-12-01T08:15:30.123Z", created.toString())
                .replace("uploads/s1/november+sales+%C3%A9t%C3%A9.csv", URLEncoder.encode(key, StandardCharsets.UTF_8)
                        .replace("%2F", "/"))
                .replace("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", versionId);
    }
}
