package io.trendcast.testing.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of an emulator (S3Proxy, dynalite) that records every request the emulator received and
 * how it answered, so a test can compare what a client believes it sent with what the server saw. Requests and
 * responses pass through unchanged apart from the hop-by-hop headers; JSON bodies (DynamoDB's) are kept for
 * inspection, others are not. Only for emulators that do not check signatures over the Host header (S3Proxy with
 * authentication off, dynalite).
 */
public final class RecordingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself or refuses. */
    private static final Set<String> REQUEST_SKIP = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "transfer-encoding", "keep-alive", "te", "trailer");
    private static final Set<String> RESPONSE_SKIP = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "date");

    /**
     * One request as the emulator received it.
     *
     * @param method       HTTP method
     * @param path         raw path
     * @param query        raw query, or {@code null}
     * @param target       the {@code X-Amz-Target} header (DynamoDB's operation), or {@code null}
     * @param status       the emulator's status code
     * @param requestBody  the request body when it is JSON, else {@code null}
     * @param responseBody the response body when it is JSON, else {@code null}
     */
    public record Exchange(String method, String path, String query, String target, int status, String requestBody,
                           String responseBody) {
    }

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    private RecordingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a proxy on a free port of 127.0.0.1 in front of {@code target} (e.g. {@code http://127.0.0.1:4566}). */
    public static RecordingProxy start(URI target) {
        try {
            return new RecordingProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a recording proxy for " + target, e);
        }
    }

    /** The proxy's endpoint: point clients here instead of at the emulator. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every exchange since the start or the last {@link #clear()}, in arrival order. */
    public List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** Forgets the exchanges recorded so far. */
    public void clear() {
        exchanges.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.toString()))
                    .timeout(Duration.ofMinutes(2))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!REQUEST_SKIP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    for (String value : header.getValue()) {
                        request.header(header.getKey(), value);
                    }
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            String requestType = exchange.getRequestHeaders().getFirst("Content-Type");
            String responseType = response.headers().firstValue("Content-Type").orElse("");
            exchanges.add(new Exchange(method, uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"), response.statusCode(),
                    json(requestType) ? new String(body, StandardCharsets.UTF_8) : null,
                    json(responseType) ? new String(response.body(), StandardCharsets.UTF_8) : null));
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (!RESPONSE_SKIP.contains(header.getKey().toLowerCase(Locale.ROOT))
                        && !header.getKey().startsWith(":")) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            byte[] out = response.body();
            int status = response.statusCode();
            if ("HEAD".equals(method)) {
                response.headers().firstValue("Content-Length")
                        .ifPresent(length -> exchange.getResponseHeaders().set("Content-Length", length));
                exchange.sendResponseHeaders(status, -1);
            } else if (out.length == 0 || status == 204 || status == 304) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static boolean json(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /** Stops the proxy. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
