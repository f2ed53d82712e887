package io.trendcast.local.stack;

import io.trendcast.local.s3.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The wiring of a Trendcast deployment, written once: the functions, the bucket's notification rules and the
 * environment every function reads. The local stack runs exactly this; {@code TemplateTest} holds
 * {@code infra/aws/template.yaml} to it. Sizes are justified in the template's comments.
 */
public final class StackDefinition {

    /** The S3 event handler of {@code functions/ingest}. */
    public static final FunctionDefinition INGEST = new FunctionDefinition("ingest", "functions/ingest",
            Optional.of("ingest"), 1024, Duration.ofSeconds(300), "arm64", FunctionDefinition.C1_ONLY);
    /** The S3 event handler of {@code functions/train}; compute-bound, so C2 is worth its slower start. */
    public static final FunctionDefinition TRAIN = new FunctionDefinition("train", "functions/train",
            Optional.of("train"), 3008, Duration.ofSeconds(900), "x86_64", FunctionDefinition.FULL_TIERED);
    /** The HTTP API function of {@code functions/api}. */
    public static final FunctionDefinition API = new FunctionDefinition("api", "functions/api",
            Optional.empty(), 512, Duration.ofSeconds(10), "arm64", FunctionDefinition.C1_ONLY);

    /** All three, in start order. */
    public static final List<FunctionDefinition> FUNCTIONS = List.of(INGEST, TRAIN, API);

    /**
     * DeepAR training per run, {@code functions/deeptrain}: a container image (its PyTorch natives exceed a zip
     * function's size limit) with a plain handler. Deployed by the template; the local stack runs it only when asked
     * ({@code trendcast up --deepar}: the natives would slow every local start), from the module's jar and
     * {@code target/lib}, what the image holds.
     */
    public static final FunctionDefinition DEEPTRAIN = new FunctionDefinition("deeptrain", "functions/deeptrain",
            Optional.empty(), 4096, Duration.ofSeconds(900), "x86_64", FunctionDefinition.FULL_TIERED);

    /** The container-image functions the template deploys besides {@link #FUNCTIONS}. */
    public static final List<FunctionDefinition> IMAGE_FUNCTIONS = List.of(DEEPTRAIN);

    /** The handler of the deeptrain image (its Dockerfile's CMD). */
    public static final String DEEPTRAIN_HANDLER = "io.trendcast.deeptrain.DeepTrainHandler::handleRequest";

    /**
     * The bucket's notification rules: seller uploads ({@code .csv} or {@code .csv.gz}) to ingest, feature shards
     * ({@code features/{seller}/{run}/part-NNNN.csv.gz}, as ingest writes them and train parses them) to train, and
     * the global model's trigger ({@code features/{seller}/{run}/global/tribuo.json}, written after the shards) to
     * train as well, and so is a global model's "results in" object ({@code …/global/{model}.done.json}, written by
     * a model fitted elsewhere, e.g. DeepAR) that has the run's shards selected again. S3 allows one prefix and one suffix per rule, hence two upload rules; the suffixes of the two
     * train rules do not overlap, as S3 requires.
     */
    public static final List<Subscription> SUBSCRIPTIONS = List.of(
            new Subscription("uploads-csv", "uploads/", ".csv", INGEST.name()),
            new Subscription("uploads-csv-gz", "uploads/", ".csv.gz", INGEST.name()),
            new Subscription("features-csv-gz", "features/", ".csv.gz", TRAIN.name()),
            new Subscription("features-global-tribuo", "features/", "/global/tribuo.json", TRAIN.name()),
            new Subscription("features-global-done", "features/", ".done.json", TRAIN.name()));

    /**
     * The deployed rule of {@link #DEEPTRAIN}: the global-model trigger {@code features/{seller}/{run}/global/
     * deepar.json} ingest writes after a run's shards when {@code TRENDCAST_GLOBAL_MODELS} includes {@code deepar}.
     * Dispatched locally with DeepAR on.
     */
    public static final List<Subscription> IMAGE_SUBSCRIPTIONS = List.of(
            new Subscription("deepar-run", "features/", "/global/deepar.json", DEEPTRAIN.name()));

    /** The routes of the HTTP API (FORMATS.md §4), each {@code METHOD path} as API Gateway names them. */
    public static final List<String> API_ROUTES = List.of(
            "GET /v1/sellers/{seller}/items/{item}/forecast",
            "GET /v1/sellers/{seller}/trends",
            "GET /v1/sellers/{seller}/items/{item}/inventory",
            "GET /v1/sellers/{seller}/uploads/{uploadId}",
            "GET /v1/sellers/{seller}/anomalies",
            "GET /v1/costs",
            "GET /v1/health",
            "GET /q/openapi",
            "GET /dashboard/{file}");

    /** Retries of a failed asynchronous (S3-triggered) invocation, as Lambda's {@code MaximumRetryAttempts}. */
    public static final int ASYNC_RETRIES = 2;

    /** Bucket name. */
    public static final String ENV_BUCKET = "TRENDCAST_BUCKET";
    /** Prefix of the four table names ({@code TableNames.withPrefix}). */
    public static final String ENV_TABLE_PREFIX = "TRENDCAST_TABLE_PREFIX";
    /** S3 endpoint override; unset on AWS. */
    public static final String ENV_S3_ENDPOINT = "TRENDCAST_S3_ENDPOINT";
    /** DynamoDB endpoint override; unset on AWS. */
    public static final String ENV_DYNAMODB_ENDPOINT = "TRENDCAST_DYNAMODB_ENDPOINT";
    /**
     * The architecture the cost meter prices a function at; local-only, as on AWS the JVM's own is the function's
     * (locally, arm64 functions run on this machine's processor).
     */
    public static final String ENV_COST_ARCHITECTURE = "TRENDCAST_COST_ARCHITECTURE";
    /** JIT settings of a function's JVM ({@link FunctionDefinition#javaToolOptions()}). */
    public static final String ENV_JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** The handler bean of a multi-handler Quarkus application. */
    public static final String ENV_LAMBDA_HANDLER = "QUARKUS_LAMBDA_HANDLER";

    /** Ingest's list of global models started after a run's shards ({@code tribuo} by default). */
    public static final String ENV_GLOBAL_MODELS = "TRENDCAST_GLOBAL_MODELS";

    /** The variables the template sets on every function (endpoints are local-only). */
    public static final List<String> DEPLOYED_ENVIRONMENT = List.of(ENV_BUCKET, ENV_TABLE_PREFIX);

    private StackDefinition() {
    }
}
