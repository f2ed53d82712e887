package io.trendcast.local.stack;

import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.local.s3.Subscription;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.trendcast.local.stack.SamTemplate.list;
import static io.trendcast.local.stack.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code infra/aws/template.yaml} deploys what the local stack runs: the functions of {@link StackDefinition}
 * (handlers checked against the functions' {@code @Named} beans when their sources exist), the notification rules,
 * the tables of {@link TableSchemas}, least-privilege policies, and a bucket that is private and TLS-only.
 */
class TemplateTest {

    private static final Pattern BUCKET_ARN = Pattern.compile("arn:\\$\\{AWS::Partition}:s3:::\\$\\{BucketName}(.*)");
    /** What each function may name in its policies: bucket prefixes ("" is the bucket itself) and tables. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "ingest", Set.of("", "/uploads/*", "/datasets/*", "/reports/*", "/quarantine/*", "/features/*",
                    "RunsTable", "CostLedgerTable"),
            "train", Set.of("", "/features/*", "/features/*/global/local.done.json", "/datasets/*", "/models/*",
                    "/reports/*", "ForecastsTable", "RunsTable", "CostLedgerTable"),
            "api", Set.of("", "/reports/*", "ForecastsTable", "RunsTable", "ApiKeysTable", "CostLedgerTable"),
            "deeptrain", Set.of("", "/features/*", "/datasets/*", "/models/*", "CostLedgerTable"));

    /**
     * Every grant of each function as "action resource [condition prefixes]": exactly these, nothing more. The
     * functions' code needs each one (ingest reads uploads and datasets and writes the derived prefixes; train
     * reads features, datasets and the candidate results under models, writes models, forecasts, the report folder's
     * charts and anomalies and the run's local.done.json, and
     * queries a seller's forecasts for the top-movers chart; api only reads), and nothing deletes.
     */
    private static final Map<String, Set<String>> GRANTS = Map.of(
            "ingest", Set.of("s3:GetObject /uploads/*", "s3:GetObject /datasets/*", "s3:PutObject /reports/*",
                    "s3:PutObject /quarantine/*", "s3:PutObject /datasets/*", "s3:PutObject /features/*",
                    "s3:ListBucket  [uploads/*, datasets/*]", "dynamodb:GetItem RunsTable",
                    "dynamodb:PutItem RunsTable", "dynamodb:UpdateItem RunsTable", "dynamodb:PutItem CostLedgerTable"),
            "train", Set.of("s3:GetObject /features/*", "s3:GetObject /datasets/*", "s3:PutObject /models/*",
                    "s3:GetObject /models/*", "s3:ListBucket  [features/*, datasets/*, models/*]",
                    "dynamodb:PutItem ForecastsTable",
                    "dynamodb:GetItem RunsTable", "dynamodb:PutItem RunsTable", "dynamodb:UpdateItem RunsTable",
                    "dynamodb:PutItem CostLedgerTable", "dynamodb:Query ForecastsTable", "s3:PutObject /reports/*",
                    "s3:PutObject /features/*/global/local.done.json"),
            "api", Set.of("s3:GetObject /reports/*", "s3:ListBucket  [reports/*]",
                    "dynamodb:GetItem ForecastsTable", "dynamodb:BatchGetItem ForecastsTable",
                    "dynamodb:Query ForecastsTable", "dynamodb:GetItem RunsTable", "dynamodb:BatchGetItem RunsTable",
                    "dynamodb:Query RunsTable", "dynamodb:GetItem ApiKeysTable", "dynamodb:BatchGetItem ApiKeysTable",
                    "dynamodb:Query ApiKeysTable", "dynamodb:PutItem CostLedgerTable",
                    "dynamodb:Query CostLedgerTable"),
            "deeptrain", Set.of("s3:GetObject /features/*", "s3:GetObject /datasets/*", "s3:GetObject /models/*",
                    "s3:PutObject /models/*", "s3:PutObject /features/*", "s3:ListBucket  [features/*]",
                    "dynamodb:PutItem CostLedgerTable"));

    /** Every deployed function: the zip functions the local stack runs and the container images. */
    private static final List<FunctionDefinition> DEPLOYED = java.util.stream.Stream.concat(
            StackDefinition.FUNCTIONS.stream(), StackDefinition.IMAGE_FUNCTIONS.stream()).toList();

    private static Path repo;
    private static SamTemplate template;

    @BeforeAll
    static void load() throws IOException {
        repo = RepoRoot.find();
        template = SamTemplate.load(repo.resolve("infra/aws/template.yaml"));
    }

    @Test
    void functionsMatchTheStackDefinition() throws IOException {
        Map<String, Object> globals = map(map(template.root(), "Globals"), "Function");
        assertNotNull(globals.get("AutoPublishAlias"));
        for (FunctionDefinition function : StackDefinition.FUNCTIONS) {
            assertEquals("AWS::Serverless::Function", template.resource(function.logicalId()).get("Type"));
            Map<String, Object> properties = template.properties(function.logicalId());
            assertEquals(FunctionDefinition.QUARKUS_HANDLER, properties.get("Handler"), function.name());
            assertEquals("java17", properties.get("Runtime"), function.name());
            assertEquals("PublishedVersions", map(properties, "SnapStart").get("ApplyOn"), function.name());
            assertEquals("../../" + function.module() + "/target/function.zip", properties.get("CodeUri"));
            assertEquals(function.memoryMb(), properties.get("MemorySize"), function.name());
            assertEquals((int) function.timeout().toSeconds(), properties.get("Timeout"), function.name());
            assertEquals(List.of(function.architecture()), properties.get("Architectures"), function.name());
            Map<String, Object> env = properties.containsKey("Environment")
                    ? map(map(properties, "Environment"), "Variables") : Map.of();
            assertEquals(function.namedHandler().orElse(null), env.get(StackDefinition.ENV_LAMBDA_HANDLER));
            Object jit = env.getOrDefault(StackDefinition.ENV_JAVA_TOOL_OPTIONS,
                    map(map(globals, "Environment"), "Variables").get(StackDefinition.ENV_JAVA_TOOL_OPTIONS));
            assertEquals(function.javaToolOptions(), jit, function.name() + ": JAVA_TOOL_OPTIONS");
            Set<String> named = namedBeans(function);
            function.namedHandler().ifPresent(handler -> assertTrue(named.isEmpty() || named.contains(handler),
                    function.module() + " declares @Named " + named + ", not " + handler));
        }
    }

    @Test
    void variablesMatchWhatTheFunctionsRead() throws IOException {
        Map<String, Object> globals = map(map(map(map(template.root(), "Globals"), "Function"), "Environment"),
                "Variables");
        assertTrue(globals.keySet().containsAll(StackDefinition.DEPLOYED_ENVIRONMENT), globals.keySet().toString());
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-"), globals.get(StackDefinition.ENV_TABLE_PREFIX),
                "table names are TableNames.withPrefix(stack name + '-')");
        for (FunctionDefinition function : StackDefinition.FUNCTIONS) {
            Optional<FunctionConfig> config = FunctionConfig.read(repo.resolve(function.module()));
            if (config.isEmpty()) {
                continue;
            }
            Set<String> set = new TreeSet<>();
            globals.keySet().stream().filter(name -> name.startsWith("TRENDCAST_")).forEach(set::add);
            Map<String, Object> properties = template.properties(function.logicalId());
            Map<String, Object> own = properties.containsKey("Environment")
                    ? map(map(properties, "Environment"), "Variables") : Map.of();
            own.keySet().stream().filter(name -> name.startsWith("TRENDCAST_")).forEach(set::add);
            assertTrue(config.get().variables().containsAll(set), function.module() + " reads "
                    + config.get().variables() + " but the template sets " + set);
            assertTrue(set.containsAll(config.get().required()), function.module() + " requires "
                    + config.get().required() + " but the template sets " + set);
            assertTrue(config.get().variables().contains(StackDefinition.ENV_DYNAMODB_ENDPOINT),
                    function.module() + " must read " + StackDefinition.ENV_DYNAMODB_ENDPOINT + " for the local stack");
        }
    }

    @Test
    void notificationsAreTheLocalDispatchersSubscriptions() {
        List<String> deployed = new ArrayList<>();
        for (Object rule : list(map(template.properties("DataBucket"), "NotificationConfiguration"),
                "LambdaConfigurations")) {
            @SuppressWarnings("unchecked") Map<String, Object> config = (Map<String, Object>) rule;
            assertEquals("s3:ObjectCreated:*", config.get("Event"));
            String prefix = "";
            String suffix = "";
            for (Object filter : list(map(map(config, "Filter"), "S3Key"), "Rules")) {
                @SuppressWarnings("unchecked") Map<String, Object> f = (Map<String, Object>) filter;
                if ("prefix".equals(f.get("Name"))) {
                    prefix = (String) f.get("Value");
                } else {
                    suffix = (String) f.get("Value");
                }
            }
            String target = (String) map(config, "Function").get("Ref");
            deployed.add(prefix + "|" + suffix + "|" + target);
        }
        List<String> local = java.util.stream.Stream.concat(StackDefinition.SUBSCRIPTIONS.stream(),
                StackDefinition.IMAGE_SUBSCRIPTIONS.stream()).map((Subscription s) -> s.prefix() + "|"
                + s.suffix() + "|" + logicalId(s.function()) + ".Alias").toList();
        assertEquals(local, deployed);
        for (String function : List.of("ingest", "train", "deeptrain")) {
            Map<String, Object> permission = template.properties(logicalId(function) + "S3Permission");
            assertEquals("s3.amazonaws.com", permission.get("Principal"));
            assertEquals(Map.of("Ref", logicalId(function) + ".Alias"), permission.get("FunctionName"));
            assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${BucketName}"), permission.get("SourceArn"));
        }
    }

    @Test
    void tablesMirrorTableSchemas() {
        List<String> tables = template.resources().entrySet().stream()
                .filter(e -> "AWS::DynamoDB::Table".equals(((Map<?, ?>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of("ApiKeysTable", "CostLedgerTable", "ForecastsTable", "RunsTable"), tables);
        for (CreateTableRequest expected : TableSchemas.all(TableNames.withPrefix("STACK-"))) {
            String name = expected.tableName().substring("STACK-".length());
            Map<String, Object> table = template.properties(name + "Table");
            assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-" + name), table.get("TableName"));
            assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
            assertEquals(true, map(table, "SSESpecification").get("SSEEnabled"));
            assertEquals(true, map(table, "PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled"));
            assertEquals(expected.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(),
                    list(table, "KeySchema").stream().map(k -> ((Map<?, ?>) k).get("AttributeName") + ":"
                            + ((Map<?, ?>) k).get("KeyType")).toList(), name);
            assertEquals(expected.attributeDefinitions().stream().map(a -> a.attributeName() + ":"
                            + a.attributeTypeAsString()).toList(),
                    list(table, "AttributeDefinitions").stream().map(a -> ((Map<?, ?>) a).get("AttributeName") + ":"
                            + ((Map<?, ?>) a).get("AttributeType")).toList(), name);
        }
    }

    @Test
    void eachFunctionsPolicyNamesOnlyItsPrefixesAndTables() {
        for (FunctionDefinition function : DEPLOYED) {
            Set<String> named = new TreeSet<>();
            for (Object policy : list(template.properties(function.logicalId()), "Policies")) {
                for (Object statement : list(policy, "Statement")) {
                    assertEquals("Allow", ((Map<?, ?>) statement).get("Effect"));
                    for (Object action : list(statement, "Action")) {
                        assertFalse(action.toString().contains("*"), function.name() + " has wildcard " + action);
                    }
                    for (Object resource : list(statement, "Resource")) {
                        named.add(resourceName(resource));
                    }
                }
            }
            assertTrue(ALLOWED.get(function.name()).containsAll(named),
                    function.name() + " names " + named + " beyond " + ALLOWED.get(function.name()));
            assertTrue(named.contains("CostLedgerTable"), function.name() + " appends to the cost ledger");
        }
    }

    @Test
    void eachFunctionHasExactlyTheGrantsItsCodeNeeds() {
        for (FunctionDefinition function : DEPLOYED) {
            Set<String> grants = new TreeSet<>();
            for (Object policy : list(template.properties(function.logicalId()), "Policies")) {
                for (Object statement : list(policy, "Statement")) {
                    Object condition = ((Map<?, ?>) statement).get("Condition");
                    String prefixes = condition == null ? ""
                            : " " + map(map(statement, "Condition"), "StringLike").get("s3:prefix");
                    for (Object action : list(statement, "Action")) {
                        for (Object resource : list(statement, "Resource")) {
                            grants.add(action + " " + resourceName(resource) + prefixes);
                        }
                    }
                }
            }
            assertEquals(new TreeSet<>(GRANTS.get(function.name())), grants, function.name());
        }
    }

    @Test
    void bucketPolicyDeniesPlainHttpOnTheBucketAndEveryObject() {
        Map<String, Object> policy = map(template.properties("DataBucketPolicy"), "PolicyDocument");
        Map<?, ?> deny = list(policy, "Statement").stream().map(s -> (Map<?, ?>) s)
                .filter(s -> "DenyInsecureTransport".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals("Deny", deny.get("Effect"));
        assertEquals(Set.of("", "/*"), list(deny, "Resource").stream().map(TemplateTest::resourceName)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(list(policy, "Statement").stream().map(s -> (Map<?, ?>) s)
                .noneMatch(s -> "Allow".equals(s.get("Effect"))), "the bucket policy grants nothing");
        assertEquals("BucketOwnerEnforced", ((Map<?, ?>) list(map(template.properties("DataBucket"),
                "OwnershipControls"), "Rules").get(0)).get("ObjectOwnership"), "ACLs are disabled");
    }

    @Test
    void everyFunctionMayAppendToTheCostLedgerAndTheApiMayReadIt() {
        for (FunctionDefinition function : DEPLOYED) {
            Set<String> actions = new TreeSet<>();
            for (Object policy : list(template.properties(function.logicalId()), "Policies")) {
                for (Object statement : list(policy, "Statement")) {
                    if (list(statement, "Resource").stream().anyMatch(r -> "CostLedgerTable".equals(tableOf(r)))) {
                        list(statement, "Action").forEach(a -> actions.add(a.toString()));
                    }
                }
            }
            assertTrue(actions.contains("dynamodb:PutItem"), function.name() + " books its invocations: " + actions);
            if (function.equals(StackDefinition.API)) {
                assertTrue(actions.contains("dynamodb:Query"), "GET /v1/costs queries the ledger per day: " + actions);
            }
        }
    }

    private static String tableOf(Object resource) {
        return resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::GetAtt") instanceof String att
                && att.endsWith(".Arn") ? att.substring(0, att.length() - ".Arn".length()) : null;
    }

    @Test
    void bucketIsPrivateEncryptedVersionedAndTlsOnly() {
        Map<String, Object> bucket = template.properties("DataBucket");
        Map<String, Object> block = map(bucket, "PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                "RestrictPublicBuckets")) {
            assertEquals(true, block.get(setting), setting);
        }
        assertNotNull(map(bucket, "BucketEncryption"));
        assertEquals("Enabled", map(bucket, "VersioningConfiguration").get("Status"));
        Map<String, Object> policy = map(template.properties("DataBucketPolicy"), "PolicyDocument");
        assertTrue(list(policy, "Statement").stream().map(s -> (Map<?, ?>) s).anyMatch(s -> "Deny".equals(s.get("Effect"))
                && "s3:*".equals(s.get("Action")) && "*".equals(s.get("Principal"))
                && "false".equals(((Map<?, ?>) ((Map<?, ?>) s.get("Condition")).get("Bool")).get("aws:SecureTransport"))),
                "a statement denies every request without TLS");
    }

    @Test
    void asyncFunctionsRetryTwiceIntoADeadLetterQueueAndAlarm() {
        assertEquals(StackDefinition.ASYNC_RETRIES, StackOptions.defaults(Path.of("x"), 1, 2).retryDelays().size(),
                "the local stack retries as often as Lambda");
        for (String function : List.of("ingest", "train", "deeptrain")) {
            Map<String, Object> properties = template.properties(logicalId(function));
            assertEquals(StackDefinition.ASYNC_RETRIES, map(properties, "EventInvokeConfig").get("MaximumRetryAttempts"));
            assertEquals("SQS", map(properties, "DeadLetterQueue").get("Type"));
        }
        Set<String> alarmed = new HashSet<>();
        template.resources().values().stream().map(r -> (Map<?, ?>) r)
                .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                .forEach(r -> {
                    Map<?, ?> p = (Map<?, ?>) r.get("Properties");
                    Map<?, ?> dimension = (Map<?, ?>) ((List<?>) p.get("Dimensions")).get(0);
                    alarmed.add(p.get("MetricName") + " " + dimension.get("Value"));
                });
        assertTrue(alarmed.contains("ApproximateNumberOfMessagesVisible {Fn::GetAtt=AsyncDeadLetterQueue.QueueName}"),
                alarmed.toString());
        for (FunctionDefinition function : DEPLOYED) {
            assertTrue(alarmed.contains("Errors {Ref=" + function.logicalId() + "}"), alarmed.toString());
        }
    }

    @Test
    void httpApiRoutesAreTheApisRoutes() {
        List<String> routes = new ArrayList<>();
        map(template.properties(StackDefinition.API.logicalId()), "Events").values().forEach(event -> {
            Map<?, ?> e = (Map<?, ?>) event;
            assertEquals("HttpApi", e.get("Type"));
            Map<?, ?> p = (Map<?, ?>) e.get("Properties");
            routes.add(p.get("Method") + " " + p.get("Path"));
        });
        assertEquals(StackDefinition.API_ROUTES, routes);
    }

    private static String logicalId(String function) {
        return DEPLOYED.stream().filter(f -> f.name().equals(function)).findFirst().orElseThrow()
                .logicalId();
    }

    /** A policy resource as a bucket path ("" for the bucket, "/uploads/*") or a table's logical id. */
    private static String resourceName(Object resource) {
        if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::Sub") instanceof String sub) {
            Matcher matcher = BUCKET_ARN.matcher(sub);
            assertTrue(matcher.matches(), "unexpected resource " + sub);
            return matcher.group(1);
        }
        if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::GetAtt") instanceof String att
                && att.endsWith(".Arn")) {
            return att.substring(0, att.length() - ".Arn".length());
        }
        throw new AssertionError("unexpected policy resource " + resource);
    }

    /** The {@code @Named} handler beans of a function's sources (none while the module does not exist). */
    private static Set<String> namedBeans(FunctionDefinition function) throws IOException {
        return matches(function, Pattern.compile("@Named\\(\"([^\"]+)\"\\)"));
    }

    private static Set<String> matches(FunctionDefinition function, Pattern pattern) throws IOException {
        Path main = repo.resolve(function.module()).resolve("src/main");
        Set<String> found = new TreeSet<>();
        if (!Files.isDirectory(main)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
