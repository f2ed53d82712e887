package io.trendcast.local.stack;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.local.http.HttpApiGateway;
import io.trendcast.local.http.Routes;
import io.trendcast.local.lambda.FunctionSpec;
import io.trendcast.local.lambda.LocalFunction;
import io.trendcast.local.s3.NotificationDispatcher;
import io.trendcast.local.s3.Subscription;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole system on one machine: dynalite with the four tables, S3Proxy with the bucket and its notifications,
 * the functions that are built, each under the local Lambda runtime, and the HTTP API; with
 * {@link StackOptions#deepAr()} also the deeptrain function (its image's class path and handler) on its rule.
 * Started in dependency order, closed in reverse; a {@link StackFile} in the data directory lets other commands find
 * it.
 */
public final class LocalStack implements AutoCloseable {

    private final StackOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
    private LocalDynamo dynamo;
    private LocalS3 s3;
    private HttpApiGateway api;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    /**
     * Starts everything; on failure, what had started is stopped again.
     *
     * @throws IllegalStateException when a part cannot start (port in use, Node missing, …)
     */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Clock clock = Clock.systemUTC();
        dynamo = keep(LocalDynamo.start(options.dataDir().resolve("dynamodb")));
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(null, dynamo.endpoint()))) {
            TableSchemas.createMissing(clients.dynamoDb(), TableNames.withPrefix(StackOptions.TABLE_PREFIX));
        }
        List<Subscription> subscriptions = new ArrayList<>(StackDefinition.SUBSCRIPTIONS);
        List<FunctionDefinition> definitions = new ArrayList<>(StackDefinition.FUNCTIONS);
        if (options.deepAr()) {
            subscriptions.addAll(StackDefinition.IMAGE_SUBSCRIPTIONS);
            definitions.add(StackDefinition.DEEPTRAIN);
        }
        NotificationDispatcher dispatcher = keep(new NotificationDispatcher(options.region(), options.bucket(),
                subscriptions, this::invoke, options.retryDelays(),
                options.dataDir().resolve("dead-letters.jsonl"), clock));
        s3 = keep(LocalS3.start(options.dataDir().resolve("s3"), options.s3Port(), dispatcher));
        s3.ensureBucket(options.bucket());
        for (FunctionDefinition definition : definitions) {
            Optional<FunctionCode.Code> code = options.code().locate(definition);
            if (code.isEmpty() && definition.equals(StackDefinition.DEEPTRAIN)) {
                throw new IllegalStateException("DeepAR needs the deeptrain function built: ./mvnw -pl "
                        + StackDefinition.DEEPTRAIN.module() + " -am package -DskipTests");
            }
            code.ifPresent(c -> functions.put(definition.name(),
                    keep(LocalFunction.start(spec(definition, c), options.region()))));
        }
        LocalFunction apiFunction = functions.get(StackDefinition.API.name());
        api = keep(HttpApiGateway.start(options.apiPort(), new Routes(StackDefinition.API_ROUTES),
                apiFunction == null ? null : apiFunction::invoke, clock));
        keep(StackFile.write(options.dataDir(), new StackFile.Endpoints(api.endpoint(), s3.endpoint(),
                dynamo.endpoint(), options.bucket(), ProcessHandle.current().pid())));
    }

    private FunctionSpec spec(FunctionDefinition definition, FunctionCode.Code code) {
        Map<String, String> env = new HashMap<>(environment());
        definition.namedHandler().ifPresent(named -> env.put(StackDefinition.ENV_LAMBDA_HANDLER, named));
        env.put(StackDefinition.ENV_COST_ARCHITECTURE, definition.architecture());
        env.put(StackDefinition.ENV_JAVA_TOOL_OPTIONS, definition.javaToolOptions());
        if (options.deepAr()) {
            env.putAll(deepArEnvironment(definition));
        }
        env.putAll(options.environment().getOrDefault(definition.name(), Map.of()));
        return new FunctionSpec(definition.name(), code.handler(), code.classPath(), env, definition.memoryMb(),
                definition.timeout(), options.dataDir().resolve("logs").resolve(definition.name() + ".log"),
                code.classDataArchive());
    }

    /**
     * With DeepAR on: ingest starts it after each run's shards (train's selection looks for its results by default);
     * deeptrain gets its image's settings, with DJL's native cache where the command line keeps it (extracted once
     * per machine, not into every data directory as Lambda's {@code /tmp/djl} is per container).
     */
    private static Map<String, String> deepArEnvironment(FunctionDefinition definition) {
        if (definition.equals(StackDefinition.INGEST)) {
            return Map.of(StackDefinition.ENV_GLOBAL_MODELS, "tribuo,deepar");
        }
        if (definition.equals(StackDefinition.DEEPTRAIN)) {
            String cache = System.getenv("DJL_CACHE_DIR");
            return Map.of("DJL_CACHE_DIR", cache != null && !cache.isBlank() ? cache
                            : Path.of(System.getProperty("user.home"), ".djl.ai").toString(),
                    "OMP_NUM_THREADS", "1");
        }
        return Map.of();
    }

    /** The environment every function gets: the template's variables with local endpoints and credentials. */
    private Map<String, String> environment() {
        AwsSettings local = AwsSettings.forLocalEndpoints(s3.endpoint(), dynamo.endpoint());
        return Map.of(
                StackDefinition.ENV_BUCKET, options.bucket(),
                StackDefinition.ENV_TABLE_PREFIX, StackOptions.TABLE_PREFIX,
                StackDefinition.ENV_S3_ENDPOINT, s3.endpoint().toString(),
                StackDefinition.ENV_DYNAMODB_ENDPOINT, dynamo.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", local.accessKey(),
                "AWS_SECRET_ACCESS_KEY", local.secretKey());
    }

    private String invoke(String function, String event) {
        LocalFunction target = functions.get(function);
        if (target == null) {
            throw new IllegalStateException("function '" + function + "' is not built (no function.zip); the event "
                    + "was not delivered");
        }
        return target.invoke(event);
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.add(part);
        return part;
    }

    /** The HTTP API, e.g. {@code http://127.0.0.1:8080}. */
    public URI apiEndpoint() {
        return api.endpoint();
    }

    /** The S3 endpoint, e.g. {@code http://127.0.0.1:4566}. */
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    /** The DynamoDB endpoint (dynalite, on a free port). */
    public URI dynamoDbEndpoint() {
        return dynamo.endpoint();
    }

    /** The bucket name. */
    public String bucket() {
        return options.bucket();
    }

    /** The names of the functions that run (those built; deeptrain with DeepAR on). */
    public List<String> runningFunctions() {
        return Stream.concat(StackDefinition.FUNCTIONS.stream(), StackDefinition.IMAGE_FUNCTIONS.stream())
                .map(FunctionDefinition::name).filter(functions::containsKey).toList();
    }

    /** A running function, for direct invocation. */
    public Optional<LocalFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** The line {@code trendcast up} prints when it can serve (FORMATS.md §5). */
    public String readyLine() {
        return "READY api=" + api.endpoint() + " s3=" + s3.endpoint() + " bucket=" + options.bucket();
    }

    /** Stops everything that started, in reverse order; the data directory keeps the data. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("the local stack did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
