package io.trendcast.api.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trendcast.api.auth.SellerScoped;
import io.trendcast.api.error.ApiException;
import io.trendcast.api.error.ErrorBody;
import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.StoreException;
import io.trendcast.core.port.UploadStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One upload: its report (S3 {@code reports/{seller}/{uploadId}.json}) as ingest wrote it, plus
 * {@code "training":{"state","runId","message","updatedAt"}} from the Runs table ({@code null} before there is a
 * status), and what training added to the report folder: {@code "anomalies":[…]}, {@code "charts":[…]} (PNG
 * keys) and {@code "drivers":{…}} (the driver report of the run's global step, {@code null} until it has run). An
 * upload known to neither, or whose status belongs to another seller, is 404.
 */
@Path("/v1/sellers/{seller}/uploads/{uploadId}")
@SellerScoped
public class UploadResource {

    private final BlobStore blobs;
    private final RunStore runs;
    private final ObjectMapper json;

    UploadResource(BlobStore blobs, RunStore runs, ObjectMapper json) {
        this.blobs = blobs;
        this.runs = runs;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An upload's report and training status", description = "The upload report "
            + "(FORMATS.md section 2) with training: {state, runId, message, updatedAt}.")
    @APIResponse(responseCode = "200", description = "the report and status")
    @APIResponse(responseCode = "400", description = "an id is not 1-128 of letters, digits, '.', '_', '-'",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "no API key, or not a valid one",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "403", description = "the key may not read this seller",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "no such upload for this seller",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public JsonNode upload(@PathParam("seller") String seller, @PathParam("uploadId") String uploadId) {
        Optional<UploadStatus> status = runs.uploadStatus(uploadId).filter(s -> s.seller().equals(seller));
        Optional<ObjectNode> report = report(seller, uploadId);
        if (status.isEmpty() && report.isEmpty()) {
            throw ApiException.notFound("no upload '" + uploadId + "' for seller '" + seller + "'; the id is "
                    + "printed by 'trendcast upload' and named in the upload report");
        }
        ObjectNode body = report.orElseGet(() -> json.createObjectNode().put("uploadId", uploadId)
                .put("seller", seller));
        if (status.isPresent()) {
            UploadStatus s = status.get();
            body.putObject("training")
                    .put("state", s.state().name())
                    .put("runId", s.runId())
                    .put("message", s.message())
                    .put("updatedAt", s.updatedAt().toString());
        } else {
            body.putNull("training");
        }
        addTrainingReport(body, seller, uploadId);
        return body;
    }

    /**
     * Adds what training wrote to the upload's report folder: {@code anomalies} (every shard's list, in shard
     * order), {@code charts} (the keys of its PNG charts) and {@code drivers} (the global step's driver report).
     * They are empty (or {@code null}) until training has written them.
     */
    private void addTrainingReport(ObjectNode body, String seller, String uploadId) {
        String folder = "reports/" + seller + "/" + uploadId + "/";
        ArrayNode anomalies = body.putArray("anomalies");
        ArrayNode charts = body.putArray("charts");
        body.putNull("drivers");
        List<String> keys;
        try (Stream<BlobInfo> listing = blobs.list(folder)) {
            keys = listing.map(BlobInfo::key).toList();
        }
        for (String key : keys) {
            String name = key.substring(folder.length());
            if (name.startsWith("anomalies-part-") && name.endsWith(".json")) {
                try (InputStream in = blobs.get(key)) {
                    JsonNode shard = json.readTree(in);
                    shard.path("anomalies").forEach(anomalies::add);
                } catch (NotFoundException gone) {
                    // replaced between the listing and the read: a newer one is listed too
                } catch (IOException e) {
                    throw new StoreException("anomalies " + key + " cannot be read: " + e.getMessage(), e);
                }
            } else if (name.endsWith(".png")) {
                charts.add(key);
            } else if (name.equals("drivers.json")) {
                try (InputStream in = blobs.get(key)) {
                    body.set("drivers", json.readTree(in));
                } catch (NotFoundException gone) {
                    // replaced between the listing and the read: keep null, the next request sees it
                } catch (IOException e) {
                    throw new StoreException("driver report " + key + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
    }

    private Optional<ObjectNode> report(String seller, String uploadId) {
        String key = "reports/" + seller + "/" + uploadId + ".json";
        try (InputStream in = blobs.get(key)) {
            JsonNode node = json.readTree(in);
            if (!(node instanceof ObjectNode object)) {
                throw new StoreException("upload report " + key + " is not a JSON object");
            }
            return Optional.of(object);
        } catch (NotFoundException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("upload report " + key + " cannot be read: " + e.getMessage(), e);
        }
    }
}
