package io.trendcast.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code openapi/openapi.json}, which {@link OpenApiResource} serves, is the document the code declares: every JAX-RS
 * resource method of the function with its {@code @Operation}, {@code @APIResponse}s and path, query and header
 * parameters, plus {@link ApiDocument}'s title and API-key scheme. The test regenerates it from the compiled classes
 * and fails when the committed file differs; {@code -Dopenapi.write=true} rewrites the file instead:
 * {@code ./mvnw -pl functions/api -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dopenapi.write=true}.
 */
class OpenApiDocumentTest {

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");
    private static final java.nio.file.Path COMMITTED =
            java.nio.file.Path.of("src/main/resources").resolve(OpenApiResource.DOCUMENT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theServedDocumentIsTheOneTheCodeDeclares() throws Exception {
        String generated = JSON.writeValueAsString(document()) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                COMMITTED + " differs from the resources' annotations; regenerate it with -Dopenapi.write=true");
    }

    @Test
    void everyOperationIsDocumentedWithItsErrors() throws Exception {
        Map<String, Object> doc = document();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
        assertTrue(paths.containsKey("/v1/sellers/{seller}/items/{item}/forecast"), paths.keySet().toString());
        assertTrue(paths.containsKey("/v1/health"), paths.keySet().toString());
        assertFalse(paths.containsKey("/q/openapi"), "the document does not list itself");
        for (Map.Entry<String, Map<String, Map<String, Object>>> path : paths.entrySet()) {
            for (Map.Entry<String, Map<String, Object>> op : path.getValue().entrySet()) {
                String at = op.getKey().toUpperCase() + " " + path.getKey();
                assertTrue(op.getValue().containsKey("summary"), at + " needs @Operation(summary = ...)");
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.getValue().get("responses");
                assertTrue(responses != null && responses.containsKey("200"), at + " needs an @APIResponse 200");
                if (path.getKey().startsWith("/v1/sellers/")) {
                    assertTrue(responses.keySet().containsAll(List.of("401", "403")),
                            at + " must document 401 and 403, it documents " + responses.keySet());
                }
            }
        }
    }

    private static Map<String, Object> document() throws Exception {
        OpenAPIDefinition definition = ApiDocument.class.getAnnotation(OpenAPIDefinition.class);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", map("title", definition.info().title(), "description", definition.info().description(),
                "version", definition.info().version()));
        Map<String, Object> paths = new TreeMap<>();
        for (Class<?> type : resourceClasses()) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = join(base, sub == null ? "" : sub.value());
                @SuppressWarnings("unchecked")
                Map<String, Object> operations = (Map<String, Object>) paths.computeIfAbsent(path,
                        k -> new TreeMap<>());
                operations.put(verb, operation(method));
            }
        }
        doc.put("paths", paths);
        Map<String, Object> schemes = new LinkedHashMap<>();
        for (SecurityScheme scheme : definition.components().securitySchemes()) {
            schemes.put(scheme.securitySchemeName(), map("type", "apiKey", "in",
                    scheme.in().name().toLowerCase(), "name", scheme.apiKeyName()));
        }
        doc.put("components", map("schemas", map("ErrorBody", recordSchema(
                io.trendcast.api.error.ErrorBody.class)), "securitySchemes", schemes));
        List<Object> security = new ArrayList<>();
        for (var requirement : definition.security()) {
            security.add(map(requirement.name(), List.of()));
        }
        doc.put("security", security);
        return doc;
    }

    private static Map<String, Object> operation(Method method) {
        Map<String, Object> op = new LinkedHashMap<>();
        Operation operation = method.getAnnotation(Operation.class);
        if (operation != null) {
            op.put("summary", operation.summary());
            if (!operation.description().isEmpty()) {
                op.put("description", operation.description());
            }
        }
        List<Object> parameters = new ArrayList<>();
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            PathParam path = p.getAnnotation(PathParam.class);
            QueryParam query = p.getAnnotation(QueryParam.class);
            jakarta.ws.rs.HeaderParam header = p.getAnnotation(jakarta.ws.rs.HeaderParam.class);
            String name = path != null ? path.value() : query != null ? query.value() : header != null ? header.value() : null;
            if (name == null) {
                continue;
            }
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("name", name);
            param.put("in", path != null ? "path" : query != null ? "query" : "header");
            param.put("required", path != null);
            Parameter doc = p.getAnnotation(Parameter.class);
            if (doc != null && !doc.description().isEmpty()) {
                param.put("description", doc.description());
            }
            param.put("schema", map("type", jsonType(p.getType())));
            parameters.add(param);
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        Produces produces = method.getAnnotation(Produces.class);
        String mediaType = produces != null && produces.value().length > 0 ? produces.value()[0] : "application/json";
        Map<String, Object> responses = new TreeMap<>();
        for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("description", response.description());
            for (Content content : response.content()) {
                if (content.schema().implementation() != Void.class) {
                    r.put("content", map(mediaType.startsWith("text/") ? mediaType : "application/json", map("schema",
                            map("$ref", "#/components/schemas/" + content.schema().implementation().getSimpleName()))));
                }
            }
            responses.put(response.responseCode(), r);
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> recordSchema(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            properties.put(c.getName(), map("type", jsonType(c.getType())));
        }
        return map("type", "object", "properties", properties);
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return "string";
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName().toLowerCase();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The function's JAX-RS resources, except the one serving this document. */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(CLASSES.resolve("io/trendcast/api"))) {
            files = walk.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .sorted().toList();
        }
        for (java.nio.file.Path file : files) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class) && type != OpenApiResource.class) {
                out.add(type);
            }
        }
        return out;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
