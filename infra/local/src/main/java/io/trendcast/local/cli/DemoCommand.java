package io.trendcast.local.cli;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.local.stack.Installation;
import io.trendcast.local.stack.LocalStack;
import io.trendcast.local.stack.StackDefinition;
import io.trendcast.local.stack.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code trendcast demo}: starts the stack, creates a key for seller {@code demo}, uploads the bundled sample,
 * waits until it is trained, prints a few forecasts from the API and example requests, then
 * stops (or keeps running).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the stack, upload a sample, wait for forecasts and show how to query them.")
final class DemoCommand implements Callable<Integer> {

    static final String SELLER = "demo";
    private static final EnumSet<UploadState> FINAL = EnumSet.of(UploadState.TRAINED, UploadState.REJECTED,
            UploadState.FAILED);

    @Option(names = "--data-dir", description = "Data directory (default: a new temporary one).")
    Path dataDir;

    @Option(names = "--api-port", defaultValue = "8080", description = "HTTP API port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--s3-port", defaultValue = "4566", description = "S3 port (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--keep", description = "Keep the stack running after the demo, until Ctrl-C.")
    boolean keep;

    @Option(names = "--wait", defaultValue = "900", description = "Seconds to wait for forecasts (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("trendcast-demo-");
        LocalStack stack = LocalStack.start(StackOptions.defaults(dir, apiPort, s3Port));
        try {
            UpCommand.describe(stack);
            System.out.println(stack.readyLine());
            int status = run(stack);
            if (keep) {
                System.out.println("Running until Ctrl-C (data in " + dir + ").");
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "trendcast-stop"));
                forever.await();
            }
            return status;
        } finally {
            if (!keep) {
                stack.close();
            }
        }
    }

    private int run(LocalStack stack) throws IOException, InterruptedException {
        Path sample = sample();
        String key = KeysCreateCommand.newKey();
        TableNames tables = TableNames.withPrefix(StackOptions.TABLE_PREFIX);
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(null, stack.dynamoDbEndpoint()))) {
            new DynamoDbApiKeyStore(clients.dynamoDb(), tables.apiKeys())
                    .create(KeysCreateCommand.record(key, SELLER, Instant.now()));
            String uploadId = UploadCommand.put(stack.s3Endpoint(), stack.bucket(),
                    "uploads/" + SELLER + "/" + sample.getFileName(), sample);
            System.out.println("Uploaded " + sample.getFileName() + " for seller '" + SELLER + "': upload " + uploadId);
            if (!stack.runningFunctions().containsAll(StackDefinition.FUNCTIONS.stream().map(f -> f.name()).toList())) {
                System.out.println("Not every function is built, so no forecasts will come: build them with "
                        + "./mvnw -pl functions/ingest,functions/train,functions/api -am package");
                examples(stack.apiEndpoint(), key, uploadId, List.of());
                return 1;
            }
            Optional<UploadStatus> done = awaitFinal(new DynamoDbRunStore(clients.dynamoDb(), tables.runs()), uploadId);
            System.out.println("Upload " + uploadId + ": " + done.map(s -> s.state() + " " + s.message())
                    .orElse("not finished after " + waitSeconds + " s"));
            System.out.println();
            for (SeriesKey series : someSeries(clients, tables, 3)) {
                String query = series.store() == null ? "" : "?store=" + URLEncoder.encode(series.store(),
                        StandardCharsets.UTF_8);
                System.out.println(get(stack.apiEndpoint(), "/v1/sellers/" + SELLER + "/items/"
                        + URLEncoder.encode(series.item(), StandardCharsets.UTF_8).replace("+", "%20") + "/forecast"
                        + query, key));
            }
            examples(stack.apiEndpoint(), key, uploadId, someSeries(clients, tables, 1));
            return done.filter(s -> s.state() == UploadState.TRAINED).isPresent() ? 0 : 1;
        }
    }

    private Optional<UploadStatus> awaitFinal(DynamoDbRunStore runs, String uploadId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        UploadState last = null;
        while (Instant.now().isBefore(deadline)) {
            Optional<UploadStatus> status = runs.uploadStatus(uploadId);
            if (status.isPresent() && status.get().state() != last) {
                last = status.get().state();
                System.out.println("  … " + last);
            }
            if (status.isPresent() && FINAL.contains(status.get().state())) {
                return status;
            }
            Thread.sleep(1000);
        }
        return Optional.empty();
    }

    /** The first few series with a stored forecast (one Query on the Forecasts table). */
    private static List<SeriesKey> someSeries(AwsClients clients, TableNames tables, int limit) {
        return clients.dynamoDb().query(b -> b.tableName(tables.forecasts()).limit(limit)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", TableSchemas.FORECASTS_PK))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(SELLER)))
                        .projectionExpression(TableSchemas.FORECASTS_SK))
                .items().stream().map(item -> SeriesKey.decode(item.get(TableSchemas.FORECASTS_SK).s())).toList();
    }

    private static String get(URI api, String path, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return "GET " + path + " → " + response.statusCode() + "\n" + response.body();
    }

    private static void examples(URI api, String key, String uploadId, List<SeriesKey> series) {
        System.out.println();
        System.out.println("API key of seller '" + SELLER + "': " + key);
        System.out.println("Try:");
        System.out.println("  curl -H 'Authorization: Bearer " + key + "' " + api + "/v1/sellers/" + SELLER
                + "/uploads/" + uploadId);
        String item = series.isEmpty() ? "<item>" : series.get(0).item();
        String store = series.isEmpty() || series.get(0).store() == null ? "" : "?store=" + series.get(0).store();
        System.out.println("  curl -H 'Authorization: Bearer " + key + "' '" + api + "/v1/sellers/" + SELLER
                + "/items/" + item + "/forecast" + store + "'");
        System.out.println("  curl -H 'Authorization: Bearer " + key + "' '" + api + "/v1/sellers/" + SELLER
                + "/trends?direction=rising&limit=5'");
        String inventoryStore = store.isEmpty() ? "" : "&store=" + series.get(0).store();
        System.out.println("  curl -H 'Authorization: Bearer " + key + "' '" + api + "/v1/sellers/" + SELLER
                + "/items/" + item + "/inventory?leadTimeDays=7&serviceLevel=0.95" + inventoryStore + "'");
        System.out.println("  curl -H 'Authorization: Bearer " + key + "' " + api + "/v1/sellers/" + SELLER
                + "/anomalies");
        System.out.println("  curl " + api + "/v1/health");
        System.out.println("Dashboard: " + api + "/dashboard/index.html (seller '" + SELLER + "', the key above)");
    }

    /** {@code events/samples/sales-clean.csv}, else the first sample there is. */
    private static Path sample() throws IOException {
        Path samples = Installation.repoRoot().resolve("events/samples");
        Path clean = samples.resolve("sales-clean.csv");
        if (Files.isRegularFile(clean)) {
            return clean;
        }
        try (var files = Files.list(samples)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no sample CSV in " + samples));
        }
    }
}
