package io.trendcast.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Conversions between HTTP and API Gateway's HTTP API payload format 2.0: the matched route and its path
 * parameters, header names lower-cased and repeated values comma-joined, cookies apart, query parameters decoded
 * and comma-joined, the body base64-encoded unless it is text.
 */
public final class HttpApiEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** The event API Gateway would send for this request. */
    public static String request(Routes.Match route, String method, URI uri, Headers headers, byte[] body,
                                 String host, Instant now) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(value -> List.of(value.split(";\\s*")).forEach(c -> event.withArray("cookies").add(c)));
            } else {
                headerNode.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        Map<String, String> query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        if (!route.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            route.pathParameters().forEach((name, value) -> parameters.put(name,
                    URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", uri.getRawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", headers.getFirst("User-Agent") == null ? "" : headers.getFirst("User-Agent"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        boolean text = isText(headers.getFirst("Content-Type"));
        if (body.length > 0) {
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", body.length > 0 && !text);
        return event.toString();
    }

    /**
     * An HTTP response from the function's response document ({@code statusCode}, {@code headers},
     * {@code multiValueHeaders}, {@code cookies}, {@code body}, {@code isBase64Encoded}).
     */
    public static Response response(String document) {
        try {
            JsonNode node = JSON.readTree(document);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
            node.path("multiValueHeaders").fields().forEachRemaining(h -> {
                List<String> values = new ArrayList<>();
                h.getValue().forEach(v -> values.add(v.asText()));
                headers.put(h.getKey(), values);
            });
            List<String> cookies = new ArrayList<>();
            node.path("cookies").forEach(c -> cookies.add(c.asText()));
            if (!cookies.isEmpty()) {
                headers.put("Set-Cookie", cookies);
            }
            String body = node.path("body").asText("");
            byte[] bytes = node.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
            return new Response(node.path("statusCode").asInt(200), headers, bytes);
        } catch (IOException | IllegalArgumentException e) {
            return Response.error(502, "bad_gateway", "the api function returned an invalid response: "
                    + e.getMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("csv");
    }

    /** An HTTP response. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        /** A JSON error in the API's format ({@code {"error":…,"message":…}}). */
        public static Response error(int status, String error, String message) {
            ObjectNode node = JSON.createObjectNode().put("error", error).put("message", message);
            return new Response(status, Map.of("Content-Type", List.of("application/json")),
                    node.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
