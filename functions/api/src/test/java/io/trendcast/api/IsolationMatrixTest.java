package io.trendcast.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.keys.ApiKeyIssuer;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.core.series.Frequency;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may read what: every endpoint × every kind of caller, against dynalite and S3Proxy. Seller {@value #A}'s
 * data is requested with its own key, another seller's key, a finance key, no key, malformed, unknown and revoked
 * keys. A new endpoint is one row of {@link #ENDPOINTS}; its expected statuses follow from its {@link Scope}.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class IsolationMatrixTest {

    static final String A = "iso-a";
    static final String B = "iso-b";

    /** Who an endpoint serves; each scope gives the status every caller must get. */
    enum Scope {
        /**
         * Under {@code /v1/sellers/{seller}}: the seller's own key only (FORMATS.md §4); finance keys are for the
         * cost reports and read no seller's data (least privilege).
         */
        SELLER(Map.of(Caller.OWN, 200, Caller.OTHER_SELLER, 403, Caller.FINANCE, 403)),
        /** Finance reports ({@code /v1/costs}): finance keys only. */
        FINANCE(Map.of(Caller.OWN, 403, Caller.OTHER_SELLER, 403, Caller.FINANCE, 200)),
        /** Health and the OpenAPI document: no key needed, and a key changes nothing. */
        OPEN(Map.of(Caller.OWN, 200, Caller.OTHER_SELLER, 200, Caller.FINANCE, 200, Caller.NONE, 200,
                Caller.MALFORMED, 200, Caller.UNKNOWN, 200, Caller.REVOKED, 200));

        private final Map<Caller, Integer> statuses;

        Scope(Map<Caller, Integer> statuses) {
            this.statuses = statuses;
        }

        /** The status {@code caller} must get; callers without a valid key get 401 unless the scope is open. */
        int status(Caller caller) {
            return statuses.getOrDefault(caller, 401);
        }
    }

    /** A kind of caller. */
    enum Caller { OWN, OTHER_SELLER, FINANCE, NONE, MALFORMED, UNKNOWN, REVOKED }

    /** One endpoint: {@code {seller}} in the path is replaced by the seller whose data is asked for. */
    record Endpoint(String name, String path, Scope scope) {
        String pathFor(String seller) {
            return path.replace("{seller}", seller);
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("forecast", "/v1/sellers/{seller}/items/sku-1/forecast?store=north", Scope.SELLER),
            new Endpoint("forecast without store", "/v1/sellers/{seller}/items/sku-2/forecast", Scope.SELLER),
            new Endpoint("upload", "/v1/sellers/{seller}/uploads/up-{seller}", Scope.SELLER),
            new Endpoint("trends", "/v1/sellers/{seller}/trends?limit=5", Scope.SELLER),
            new Endpoint("inventory", "/v1/sellers/{seller}/items/sku-1/inventory?store=north&leadTimeDays=1",
                    Scope.SELLER),
            new Endpoint("anomalies", "/v1/sellers/{seller}/anomalies", Scope.SELLER),
            new Endpoint("costs", "/v1/costs?groupBy=seller", Scope.FINANCE),
            new Endpoint("costs as CSV", "/v1/costs?groupBy=day&format=csv", Scope.FINANCE),
            new Endpoint("health", "/v1/health", Scope.OPEN),
            new Endpoint("openapi", "/q/openapi", Scope.OPEN));

    private static final Map<Caller, String> KEYS = new EnumMap<>(Caller.class);

    @Inject
    ApiKeyStore keys;
    @Inject
    ForecastStore forecasts;
    @Inject
    RunStore runs;
    @Inject
    BlobStore blobs;
    @Inject
    AwsClients clients;
    @Inject
    TableNames tables;

    @BeforeEach
    void seed() {
        if (!KEYS.isEmpty()) {
            return;
        }
        ApiKeyIssuer issuer = new ApiKeyIssuer(keys);
        KEYS.put(Caller.OWN, issuer.createForSeller(A));
        KEYS.put(Caller.OTHER_SELLER, issuer.createForSeller(B));
        KEYS.put(Caller.FINANCE, issuer.createFinance());
        KEYS.put(Caller.MALFORMED, "not a key\u00e9");
        KEYS.put(Caller.UNKNOWN, "k".repeat(43));
        String revoked = issuer.createForSeller(A);
        keys.revoke(ApiKeyRecord.hash(revoked));
        KEYS.put(Caller.REVOKED, revoked);
        for (String seller : List.of(A, B)) {
            forecasts.putAll(List.of(forecast(seller, SeriesKey.of("sku-1", "north")),
                    forecast(seller, SeriesKey.of("sku-2"))));
            String upload = "up-" + seller;
            runs.putUploadStatus(new UploadStatus(upload, seller, "uploads/" + seller + "/a.csv",
                    UploadState.TRAINED, "reports/" + seller + "/" + upload + ".json", "r1-" + upload, "",
                    Instant.parse("2024-12-01T00:00:00Z")));
            blobs.put("reports/" + seller + "/" + upload + ".json", ("{\"uploadId\":\"" + upload + "\",\"seller\":\""
                    + seller + "\",\"status\":\"ACCEPTED\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    private static StoredForecast forecast(String seller, SeriesKey series) {
        return new StoredForecast(seller, series, "r1-up-" + seller, "ets(A,N,N)", Frequency.DAILY,
                Instant.parse("2024-12-01T00:00:00Z"), List.of(new StoredForecast.Point(LocalDate.of(2024, 12, 2),
                5, 4, 5, 6, 4, 6, 3, 7)), new StoredForecast.Accuracy(0.9, 12),
                new StoredForecast.Trend(StoredForecast.Trend.Direction.FLAT, 0.5));
    }

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void eachEndpointAnswersEachCallerAsItsScopeSays(Endpoint endpoint, Caller caller) {
        Response response = request(caller).get(endpoint.pathFor(A));
        int expected = endpoint.scope().status(caller);
        String body = response.asString();
        assertEquals(expected, response.statusCode(), endpoint.name() + " with " + caller + ": " + body);
        if (expected == 200 && endpoint.scope() == Scope.SELLER) {
            assertEquals(A, response.jsonPath().getString("seller"), body);
            assertFalse(body.contains(B), "nothing of the other seller: " + body);
        }
        if (expected >= 400) {
            assertCleanError(body);
            assertFalse(body.contains("points") || body.contains("r1-up-"), "no data in an error: " + body);
        }
    }

    private RequestSpecification request(Caller caller) {
        return switch (caller) {
            case NONE -> given();
            case MALFORMED -> given().header("Authorization", "Bearer " + KEYS.get(caller));
            case UNKNOWN -> given().header("x-api-key", KEYS.get(caller));
            default -> given().header("Authorization", "Bearer " + KEYS.get(caller));
        };
    }

    /** An error body is {@code {"error","message"}} and names no class, stack frame, table or bucket. */
    static void assertCleanError(String body) {
        assertTrue(body.startsWith("{\"error\":\""), body);
        for (String leak : List.of("Exception", "io.trendcast", "\tat ", "java.", "software.amazon", "test-",
                Emulators.BUCKET, "dynamodb", "ApiKeys")) {
            assertFalse(body.contains(leak), "error body leaks '" + leak + "': " + body);
        }
    }

    @Test
    void anUploadOfAnotherSellerIsNotFoundUnderOnesOwnPath() {
        Response response = request(Caller.OWN).get("/v1/sellers/" + A + "/uploads/up-" + B);
        assertEquals(404, response.statusCode());
        assertCleanError(response.asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void malformedIdsAndParametersAre400WithACleanBody(String path) {
        Response response = request(Caller.OWN).urlEncodingEnabled(false).get(path);
        assertEquals(400, response.statusCode(), path + ": " + response.asString());
        assertCleanError(response.asString());
    }

    static Stream<String> badRequests() {
        return Stream.of(
                "/v1/sellers/" + A + "/items/sku%201/forecast",
                "/v1/sellers/" + A + "/items/" + "x".repeat(129) + "/forecast",
                "/v1/sellers/" + A + "/items/sku-1/forecast?store=north%2Fsouth",
                "/v1/sellers/" + A + "/items/sku-1/forecast?store=" + "s".repeat(129),
                "/v1/sellers/" + A + "/items/%3Cscript%3E/forecast",
                "/v1/sellers/" + A + "/items/sku-1%00/forecast",
                "/v1/sellers/" + A + "/uploads/up%24" + A);
    }

    @Test
    void probesAtOtherSellersThroughThePathNeverReachTheirData() {
        for (String path : List.of("/v1/sellers/" + B.toUpperCase() + "/items/sku-1/forecast",
                "/v1/sellers/" + A + "%2F..%2F" + B + "/items/sku-1/forecast",
                "/v1/sellers/s%C3%A9ller/items/sku-1/forecast")) {
            Response response = request(Caller.OWN).urlEncodingEnabled(false).get(path);
            assertTrue(Set.of(400, 403, 404).contains(response.statusCode()), path + ": " + response.statusCode());
            assertCleanError(response.asString());
        }
    }

    @Test
    void keysAreStoredOnlyAsTheirSha256() {
        String raw = KEYS.get(Caller.OWN);
        List<Map<String, AttributeValue>> items = clients.dynamoDb().scan(b -> b.tableName(tables.apiKeys()))
                .items();
        assertFalse(items.isEmpty());
        assertTrue(items.stream().noneMatch(item -> item.toString().contains(raw)), "a raw key is stored");
        assertTrue(items.stream().anyMatch(item -> item.toString().contains(ApiKeyRecord.hash(raw))));
    }
}
