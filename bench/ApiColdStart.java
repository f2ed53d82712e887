import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the packaged api function, run as AWS runs it: a JVM with the unzipped {@code function.zip} and the
 * AWS runtime interface client on its class path, handler
 * {@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}, talking to a Lambda Runtime API
 * served here. Each run starts a fresh JVM, serves {@code GET /v1/health} (one DynamoDB GetItem on dynalite) as
 * an API Gateway HTTP API event, and records: JVM start to the first {@code /next} poll (init done), JVM start
 * to the first response, and the latency of a second (warm) request. With an archive path, a first JVM writes a
 * dynamic class-data-sharing archive at exit (as the local stack does on a function's first start) and the
 * measured runs read it. Not a unit test: run by {@code bench/api-startup.sh}.
 *
 * <p>Arguments: {@code classPath ricClassPath dynamodbEndpoint runs [archive]}.
 */
public class ApiColdStart {

    private static final String EVENT = """
            {"version":"2.0","routeKey":"GET /v1/health","rawPath":"/v1/health","rawQueryString":"",
             "headers":{"accept":"application/json","host":"localhost"},
             "requestContext":{"accountId":"123456789012","apiId":"bench","domainName":"localhost",
              "http":{"method":"GET","path":"/v1/health","protocol":"HTTP/1.1","sourceIp":"127.0.0.1",
              "userAgent":"bench"},"requestId":"bench","routeKey":"GET /v1/health","stage":"$default",
              "timeEpoch":1733043600000},"isBase64Encoded":false}""";

    public static void main(String[] args) throws Exception {
        String function = args[0];
        String ric = args[1];
        String dynamodb = args[2];
        int runs = Integer.parseInt(args[3]);
        String cds = "";
        createTable(dynamodb, "benchForecasts");
        if (args.length > 4) {
            java.nio.file.Files.deleteIfExists(Path.of(args[4]));
            long[] r = once(function, ric, dynamodb, "-XX:ArchiveClassesAtExit=" + args[4]);
            System.out.printf("archive run (writes %s at exit): first response %d ms%n", args[4], r[1]);
            cds = "-XX:SharedArchiveFile=" + args[4];
        }
        List<long[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long[] r = once(function, ric, dynamodb, cds);
            results.add(r);
            System.out.printf("run %d: init %d ms, first response %d ms (status %d, %d ms of CPU), warm request %d ms%n",
                    run, r[0], r[1], r[3], r[4], r[2]);
        }
        results.sort((a, b) -> Long.compare(a[1], b[1]));
        long[] median = results.get(results.size() / 2);
        System.out.printf("median of %d: JVM start to first response %d ms (init %d ms, %d ms of CPU), warm request "
                + "%d ms%n", runs, median[1], median[0], median[4], median[2]);
    }

    /** One cold start: {init ms, first response ms, warm latency ms, first status, CPU ms to first response}. */
    private static long[] once(String function, String ric, String dynamodb, String cds) throws Exception {
        RuntimeApi api = new RuntimeApi(2);
        String cp = function + ":" + ric;
        List<String> command = new ArrayList<>(List.of("java", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxHeapSize=435m"));
        if (!cds.isEmpty()) {
            command.add(cds);
        }
        String extra = System.getenv().getOrDefault("BENCH_JVM_OPTS", "").trim(); // e.g. a JFR recording
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split(" +")));
        }
        command.addAll(List.of("-cp", cp, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + api.port());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "trendcast-api");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_REGION", "us-east-1");
        env.put("TRENDCAST_BUCKET", "bench");
        env.put("TRENDCAST_TABLE_PREFIX", "bench");
        env.put("TRENDCAST_DYNAMODB_ENDPOINT", dynamodb);
        env.put("TRENDCAST_S3_ENDPOINT", "http://127.0.0.1:9");
        Path log = java.nio.file.Files.createTempFile("api-cold-start-", ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = pb.start();
        try {
            long init = api.firstPoll.poll(60, TimeUnit.SECONDS) - start;
            Response first = api.responses.poll(60, TimeUnit.SECONDS);
            long cpu = process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            Response second = api.responses.poll(60, TimeUnit.SECONDS);
            if (first == null || second == null) {
                throw new IllegalStateException("no response within 60 s; the function's output:\n"
                        + java.nio.file.Files.readString(log));
            }
            return new long[] {ms(init), ms(first.at - start), ms(second.at - second.sentAt), first.status, cpu};
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            api.server.stop(0);
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private record Response(long sentAt, long at, int status) {
    }

    /** The Lambda Runtime API: hands out {@code invocations} copies of the event, then holds the next poll. */
    private static final class RuntimeApi {
        final HttpServer server;
        final BlockingQueue<Long> firstPoll = new ArrayBlockingQueue<>(1);
        final BlockingQueue<Response> responses = new ArrayBlockingQueue<>(8);
        private int served;
        private long sentAt;

        RuntimeApi(int invocations) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/2018-06-01/runtime/", exchange -> handle(exchange, invocations));
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange, int invocations) throws IOException {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/invocation/next")) {
                firstPoll.offer(System.nanoTime());
                synchronized (this) {
                    if (served == invocations) {
                        return;
                    }
                    served++;
                    sentAt = System.nanoTime();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "req-" + served);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:trendcast-api");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                reply(exchange, 200, EVENT);
            } else if (path.endsWith("/response")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                long now = System.nanoTime();
                int status = body.contains("\"statusCode\":200") ? 200 : body.contains("\"statusCode\":503") ? 503
                        : -1;
                responses.offer(new Response(sentAt, now, status));
                reply(exchange, 202, "{}");
            } else {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                System.err.println("runtime reported an error at " + path + ": " + body);
                reply(exchange, 202, "{}");
            }
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** CreateTable through DynamoDB's JSON protocol (dynalite checks that a signature is present, not its value). */
    private static void createTable(String endpoint, String table) throws Exception {
        String body = "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"seller\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"series\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"seller\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"series\",\"KeyType\":\"RANGE\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                .header("X-Amz-Date", "20241201T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20241201/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0000")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && !response.body().contains("ResourceInUseException")) {
            throw new IllegalStateException("CreateTable failed: " + response.statusCode() + " " + response.body());
        }
    }
}
