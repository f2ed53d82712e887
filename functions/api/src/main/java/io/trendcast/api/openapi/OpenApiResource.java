package io.trendcast.api.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document at {@code /q/openapi} (FORMATS.md section 4) from {@code openapi/openapi.json}, a
 * file generated from the resources' annotations and checked against them by {@code OpenApiDocumentTest}. A static
 * file rather than the SmallRye OpenAPI extension, which builds its document at every start: a quarter of the
 * function's cold start, measured by {@code bench/api-startup.sh}.
 */
@Path("/q/openapi")
public class OpenApiResource {

    /** The document's class-path location. */
    public static final String DOCUMENT = "openapi/openapi.json";

    private volatile byte[] document;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] openapi() {
        byte[] d = document;
        if (d == null) {
            try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException(DOCUMENT + " is missing from the function's class path");
                }
                d = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            document = d;
        }
        return d;
    }
}
