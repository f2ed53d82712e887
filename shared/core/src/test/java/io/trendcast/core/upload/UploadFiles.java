package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers for upload tests: a parser fixed on 2024-12-01, byte sources, reading cells back. */
final class UploadFiles {

    static final Clock DEC_1_2024 = Clock.fixed(Instant.parse("2024-12-01T00:00:00Z"), ZoneOffset.UTC);

    private UploadFiles() {
    }

    static UploadParser.Builder parser(Path tempDir) {
        return UploadParser.builder().tempDir(tempDir).clock(DEC_1_2024);
    }

    static ParsedUpload parse(UploadParser parser, String text) {
        return parser.parse("sales.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<SalesCell> cells(CellStream stream) {
        List<SalesCell> out = new ArrayList<>();
        try (stream) {
            for (SalesCell c = stream.next(); c != null; c = stream.next()) {
                out.add(c);
            }
        }
        return out;
    }

    static SalesCell cell(String item, String store, String date, double qty) {
        return new SalesCell(SeriesKey.of(item, store), (int) java.time.LocalDate.parse(date).toEpochDay(), qty,
                Double.NaN, Double.NaN, Double.NaN, new double[0]);
    }

    /** A cell stream over a list (sorted by the caller). */
    static CellStream stream(List<String> covariates, List<SalesCell> cells) {
        return new CellStream() {
            private int i;

            @Override
            public List<String> covariates() {
                return covariates;
            }

            @Override
            public SalesCell next() {
                return i < cells.size() ? cells.get(i++) : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
