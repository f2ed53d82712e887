package io.trendcast.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) for one function, on a free port of 127.0.0.1: {@code GET
 * invocation/next} long-polls for the next event, {@code POST invocation/{id}/response} and {@code …/error} answer
 * it, {@code POST init/error} reports a failed initialisation. Headers as AWS sends them:
 * {@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms},
 * {@code Lambda-Runtime-Invoked-Function-Arn}, {@code Lambda-Runtime-Trace-Id}.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final String functionArn;
    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile FunctionErrorException initError;

    RuntimeApiServer(String function, String region) {
        this.function = function;
        this.functionArn = "arn:aws:lambda:" + region + ":000000000000:function:" + function;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-" + function);
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Runtime API port for " + function, e);
        }
        server.createContext(BASE, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code 127.0.0.1:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an invocation for the runtime's next poll. */
    void submit(Invocation invocation) {
        pending.add(invocation);
    }

    /** Clears the init error of a previous child before a new one starts. */
    void resetInitError() {
        initError = null;
    }

    /**
     * Fails everything queued or in flight: the child exited. The error is the init error the runtime reported,
     * if any, else {@code fallback}.
     */
    void failAll(FunctionErrorException fallback) {
        FunctionErrorException error = initError != null ? initError : fallback;
        List<Invocation> failed = new ArrayList<>(inFlight.values());
        inFlight.clear();
        pending.drainTo(failed);
        failed.forEach(invocation -> invocation.fail(error));
    }

    /** Forgets an invocation that was abandoned (timed out). */
    void forget(Invocation invocation) {
        pending.remove(invocation);
        inFlight.remove(invocation.requestId());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && "invocation/next".equals(path)) {
                next(exchange);
            } else if ("POST".equals(method) && "init/error".equals(path)) {
                initError = error(exchange, "Runtime.InitError");
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && path.startsWith("invocation/")) {
                answer(exchange, path.substring("invocation/".length()));
            } else {
                send(exchange, 404, "{\"errorType\":\"InvalidRequest\",\"errorMessage\":\"no route " + method + " "
                        + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            send(exchange, 500, "{\"errorType\":\"ServiceUnavailable\",\"errorMessage\":\"shutting down\"}");
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        long deadline = invocation.dispatch();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-" + invocation.requestId().replace("-", "")
                .substring(0, 24) + ";Sampled=0");
        send(exchange, 200, invocation.payload());
    }

    private void answer(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String verb = slash < 0 ? "" : rest.substring(slash + 1);
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null || !(verb.equals("response") || verb.equals("error"))) {
            send(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown request " + requestId
                    + " or verb '" + verb + "'\"}");
            return;
        }
        if (verb.equals("response")) {
            invocation.result().complete(body(exchange));
        } else {
            invocation.fail(error(exchange, "Unhandled"));
        }
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private FunctionErrorException error(HttpExchange exchange, String defaultType) throws IOException {
        String payload = body(exchange);
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        String message = payload;
        try {
            JsonNode node = JSON.readTree(payload);
            type = node.path("errorType").asText(type != null ? type : defaultType);
            message = node.path("errorMessage").asText(payload);
        } catch (IOException notJson) {
            type = type != null ? type : defaultType;
        }
        return new FunctionErrorException(function, type, message, payload);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        failAll(new FunctionErrorException(function, "Runtime.Shutdown", "the local Lambda service stopped",
                "{\"errorType\":\"Runtime.Shutdown\",\"errorMessage\":\"the local Lambda service stopped\"}"));
        server.stop(0);
        executor.shutdownNow();
    }
}
