package io.trendcast.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trendcast.local.lambda.FunctionErrorException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The HTTP API on 127.0.0.1: a request on one of the routes goes to the api function as an HTTP API event and its
 * response comes back; any other is 404 {@code {"message":"Not Found"}} from the gateway itself. A function error is a 502 and a timeout a 504, as API Gateway answers; without an api function every
 * request is a 503 saying how to build it.
 */
public final class HttpApiGateway implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final UnaryOperator<String> api;
    private final Routes routes;
    private final Clock clock;

    /**
     * @param api the api function's synchronous invoke, or {@code null} when it is not built
     */
    private HttpApiGateway(int port, Routes routes, UnaryOperator<String> api, Clock clock) {
        this.api = api;
        this.routes = routes;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "http-api");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            executor.shutdown();
            throw new UncheckedIOException("cannot serve the HTTP API on 127.0.0.1:" + port + " (in use? choose "
                    + "another with --api-port)", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Serves {@code routes} on {@code port} (others are 404, as API Gateway answers them); {@code api} is
     * {@code null} when the api function is not built.
     */
    public static HttpApiGateway start(int port, Routes routes, UnaryOperator<String> api, Clock clock) {
        HttpApiGateway gateway = new HttpApiGateway(port, routes, api, clock);
        gateway.server.start();
        return gateway;
    }

    /** {@code http://127.0.0.1:port}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpApiEvents.Response response;
            Optional<Routes.Match> route = routes.match(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath());
            if (route.isEmpty()) {
                response = new HttpApiEvents.Response(404, Map.of("Content-Type", List.of("application/json")),
                        "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            } else if (api == null) {
                response = HttpApiEvents.Response.error(503, "unavailable", "the api function is not built: run "
                        + "./mvnw -pl functions/api -am package, then restart trendcast up");
            } else {
                String host = exchange.getRequestHeaders().getFirst("Host");
                String event = HttpApiEvents.request(route.get(), exchange.getRequestMethod(),
                        exchange.getRequestURI(), exchange.getRequestHeaders(), body,
                        host == null ? "127.0.0.1" : host, clock.instant());
                response = invoke(event);
            }
            response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            boolean empty = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private HttpApiEvents.Response invoke(String event) {
        try {
            return HttpApiEvents.response(api.apply(event));
        } catch (FunctionErrorException e) {
            return "Sandbox.Timedout".equals(e.errorType())
                    ? HttpApiEvents.Response.error(504, "timeout", "the api function timed out")
                    : HttpApiEvents.Response.error(502, "function_error", e.getMessage());
        }
    }

    /** Stops serving; requests in progress get a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
