package io.trendcast.function.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.upload.SalesCell;
import io.trendcast.core.upload.SalesCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads what the function stored: JSON documents, text and dataset versions. */
final class Stored {

    static final ObjectMapper JSON = new ObjectMapper();

    private Stored() {
    }

    static JsonNode json(BlobStore blobs, String key) {
        try (InputStream in = blobs.get(key)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(BlobStore blobs, String key) {
        try (InputStream in = blobs.get(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of {@code datasets/{seller}/history-v{version}.csv.gz}. */
    static List<SalesCell> history(BlobStore blobs, String seller, long version) {
        String key = "datasets/" + seller + "/history-v" + version + ".csv.gz";
        List<SalesCell> out = new ArrayList<>();
        try (SalesCsv.Reader r = new SalesCsv.Reader(new GZIPInputStream(blobs.get(key)), key)) {
            for (SalesCell c = r.next(); c != null; c = r.next()) {
                out.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
