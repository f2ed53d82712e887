package io.trendcast.api.openapi;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's title, description and API-key scheme. With the operations' {@code @Operation} and
 * {@code @APIResponse} annotations on the resources, it is the source of {@code openapi/openapi.json}, which
 * {@code OpenApiDocumentTest} generates from these annotations and holds equal to the code.
 */
@OpenAPIDefinition(
        info = @Info(title = "Trendcast forecast API", version = "1",
                description = "Forecasts, trends and upload status per seller (FORMATS.md section 4). Every "
                        + "/v1/sellers request needs Authorization: Bearer <key> or x-api-key."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "api-key",
                type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "x-api-key")),
        security = @SecurityRequirement(name = "api-key"))
public final class ApiDocument {

    private ApiDocument() {
    }
}
