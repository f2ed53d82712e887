package io.trendcast.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.s3.ETags;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.testing.emulators.RepoRoot;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local stack of the checkout's packaged functions for an end-to-end test, with what such tests do to it: API
 * keys, an upload awaited to its final state, objects read from the bucket, the HTTP API called. Skips the test
 * (an assumption) until the functions it needs are built.
 */
final class StackSession implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern RECORD = Pattern.compile("part-\\d{4}\\.json");

    private final Path dir;
    private final LocalStack stack;
    private final AwsClients clients;

    private StackSession(Path dir, LocalStack stack) {
        this.dir = dir;
        this.stack = stack;
        this.clients = new AwsClients(AwsSettings.forLocalEndpoints(stack.s3Endpoint(), stack.dynamoDbEndpoint()));
    }

    /**
     * Starts the stack in {@code dir} with the default options as {@code options} changes them; skips the test when
     * a zip function, or with DeepAR on the deeptrain jar, is not built.
     */
    static StackSession start(Path dir, UnaryOperator<StackOptions> options) {
        PackagedFunctions packaged = new PackagedFunctions(RepoRoot.find(), dir.resolve("functions"));
        StackOptions chosen = options.apply(StackOptions.defaults(dir.resolve("data"), Ports.free(), Ports.free())
                .withCode(packaged));
        for (FunctionDefinition function : StackDefinition.FUNCTIONS) {
            assumeTrue(Files.isRegularFile(packaged.zip(function)), packaged.zip(function) + " is not built");
        }
        if (chosen.deepAr()) {
            Path jar = packaged.imageJar(StackDefinition.DEEPTRAIN);
            assumeTrue(Files.isRegularFile(jar), jar + " is not built");
        }
        return new StackSession(dir, LocalStack.start(chosen));
    }

    LocalStack stack() {
        return stack;
    }

    AwsClients clients() {
        return clients;
    }

    /** Where the functions' logs are, for failure messages. */
    Path logs() {
        return dir.resolve("data/logs");
    }

    static TableNames tables() {
        return TableNames.withPrefix(StackOptions.TABLE_PREFIX);
    }

    /** A new API key of {@code seller}. */
    String sellerKey(String seller) {
        String key = seller + "-key-" + System.nanoTime();
        new DynamoDbApiKeyStore(clients.dynamoDb(), tables().apiKeys())
                .create(ApiKeyRecord.forSeller(key, seller, Instant.now()));
        return key;
    }

    /** A new finance key. */
    String financeKey() {
        String key = "finance-key-" + System.nanoTime();
        new DynamoDbApiKeyStore(clients.dynamoDb(), tables().apiKeys()).create(ApiKeyRecord.forFinance(key,
                Instant.now()));
        return key;
    }

    /** Puts {@code file} at {@code uploads/{seller}/{name}} and returns its upload id. */
    String upload(String seller, Path file, String name) {
        String objectKey = "uploads/" + seller + "/" + name;
        PutObjectResponse put = clients.s3().putObject(b -> b.bucket(stack.bucket()).key(objectKey), file);
        return new ObjectCreated(stack.bucket(), objectKey, file.toFile().length(), ETags.unquote(put.eTag()),
                put.versionId(), null).uploadId();
    }

    /** The upload's status once it is trained, rejected or failed; an assertion error after {@code within}. */
    UploadStatus awaitFinal(String uploadId, Duration within) throws InterruptedException {
        DynamoDbRunStore runs = new DynamoDbRunStore(clients.dynamoDb(), tables().runs());
        EnumSet<UploadState> done = EnumSet.of(UploadState.TRAINED, UploadState.REJECTED, UploadState.FAILED);
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Optional<UploadStatus> status = runs.uploadStatus(uploadId);
            if (status.isPresent() && done.contains(status.get().state())) {
                return status.get();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("upload " + uploadId + " not finished within " + within + "; see " + logs());
    }

    /** Whether the bucket holds {@code objectKey}. */
    boolean exists(String objectKey) {
        try {
            clients.s3().headObject(b -> b.bucket(stack.bucket()).key(objectKey));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The keys of the selection records of {@code runId}, {@code models/{seller}/{run}/selection/part-NNNN.json}.
     * Only names of that form: S3Proxy's filesystem store writes an object under a temporary name beside it and
     * moves it into place, and a listing made meanwhile can name the temporary file, gone when it is read.
     */
    List<String> selectionRecords(String seller, String runId) {
        String prefix = "models/" + seller + "/" + runId + "/selection/";
        return clients.s3().listObjectsV2(b -> b.bucket(stack.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).filter(k -> RECORD.matcher(k.substring(prefix.length())).matches()).toList();
    }

    /** The JSON object at {@code objectKey}. */
    JsonNode readJson(String objectKey) {
        try {
            return JSON.readTree(clients.s3().getObjectAsBytes(b -> b.bucket(stack.bucket()).key(objectKey))
                    .asUtf8String());
        } catch (IOException e) {
            throw new AssertionError(objectKey + " is not JSON", e);
        }
    }

    /** A GET of the HTTP API with {@code apiKey}. */
    HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiEndpoint() + path))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        clients.close();
        stack.close();
    }
}
