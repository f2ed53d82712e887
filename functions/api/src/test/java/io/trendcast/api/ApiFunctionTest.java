package io.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.trendcast.aws.keys.ApiKeyIssuer;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import io.trendcast.core.series.Frequency;
import io.trendcast.testing.emulators.RepoRoot;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The api function through Quarkus' mock API Gateway (HTTP API v2) event server, against dynalite and S3Proxy.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class ApiFunctionTest {

    /** The key in {@code events/apigw-get-forecast.json}. */
    private static final String EVENT_KEY = "tc-sample-key-for-events-only-not-a-real-key";
    private static final Instant GENERATED = Instant.parse("2024-12-01T08:20:00Z");

    @Inject
    ForecastStore forecasts;
    @Inject
    ApiKeyStore keys;
    @Inject
    RunStore runs;
    @Inject
    BlobStore blobs;
    @Inject
    ObjectMapper json;

    private String s1Key;
    private String s2Key;
    private String financeKey;

    @BeforeEach
    void seed() {
        ApiKeyIssuer issuer = new ApiKeyIssuer(keys);
        s1Key = issuer.createForSeller("s1");
        s2Key = issuer.createForSeller("s2");
        financeKey = issuer.createFinance();
        if (keys.findByHash(ApiKeyRecord.hash(EVENT_KEY)).isEmpty()) {
            keys.create(ApiKeyRecord.forSeller(EVENT_KEY, "s1", GENERATED));
        }
        forecasts.putAll(List.of(forecast("sku-1", "st-1"), forecast("sku-2", null)));
    }

    private static StoredForecast forecast(String item, String store) {
        List<Point> points = List.of(
                new Point(LocalDate.of(2024, 12, 1), 10, 7, 10, 13, 7, 13, 5.5, 14.5),
                new Point(LocalDate.of(2024, 12, 2), 11, 8, 11, 14, 8, 14, 6, Double.NaN));
        return new StoredForecast("s1", SeriesKey.of(item, store), "run-1", "mean(theta,snaive,drift)",
                Frequency.DAILY, GENERATED, points, new Accuracy(0.82, 14.5),
                new Trend(Trend.Direction.RISING, 6.25));
    }

    private RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    @Test
    void forecastOfOwnSellerHasTheDocumentedShape() {
        withKey(s1Key).queryParam("store", "st-1").get("/v1/sellers/s1/items/sku-1/forecast")
                .then().statusCode(200).contentType("application/json")
                .body("seller", equalTo("s1"))
                .body("item", equalTo("sku-1"))
                .body("store", equalTo("st-1"))
                .body("frequency", equalTo("DAILY"))
                .body("generatedAt", equalTo("2024-12-01T08:20:00Z"))
                .body("runId", equalTo("run-1"))
                .body("model", equalTo("mean(theta,snaive,drift)"))
                .body("horizon", equalTo(2))
                .body("points[0].date", equalTo("2024-12-01"))
                .body("points[0].mean", equalTo(10.0f))
                .body("points[0].p10", equalTo(7.0f))
                .body("points[0].p50", equalTo(10.0f))
                .body("points[0].p90", equalTo(13.0f))
                .body("points[0].lo80", equalTo(7.0f))
                .body("points[0].hi80", equalTo(13.0f))
                .body("points[0].lo95", equalTo(5.5f))
                .body("points[0].hi95", equalTo(14.5f))
                .body("points[1]", hasKey("hi95"))
                .body("points[1].hi95", nullValue())
                .body("accuracy.mase", equalTo(0.82f))
                .body("accuracy.wape", equalTo(14.5f))
                .body("trend.direction", equalTo("rising"))
                .body("trend.changePct", equalTo(6.25f));
    }

    @Test
    void theApiKeyHeaderWorksAndAnItemWithoutStoreHasANullStore() {
        given().header("x-api-key", s1Key).get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(200).body("store", nullValue()).body("item", equalTo("sku-2"));
    }

    @Test
    void aSellerKeyNeverReadsAnotherSeller() {
        withKey(s2Key).get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(403).body("error", equalTo("forbidden")).body("$", not(hasKey("points")));
        withKey(s2Key).get("/v1/sellers/s1/uploads/up-1")
                .then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void aFinanceKeyReadsNoSellersData() {
        withKey(financeKey).get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(403).body("error", equalTo("forbidden")).body("$", not(hasKey("points")))
                .body("message", equalTo("a finance key reads the cost reports (/v1/costs) only, not sellers' data"));
        withKey(financeKey).get("/v1/sellers/s1/uploads/up-1").then().statusCode(403);
    }

    @Test
    void missingMalformedUnknownAndRevokedKeysAre401() {
        given().get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Basic czE6c2VjcmV0").get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer ").get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(401);
        given().header("x-api-key", "x".repeat(600)).get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(401);
        withKey("not-a-key-anyone-was-given").get("/v1/sellers/s1/items/sku-2/forecast")
                .then().statusCode(401).body("message", containsString("not valid"));
        String revoked = new ApiKeyIssuer(keys).createForSeller("s1");
        keys.revoke(ApiKeyRecord.hash(revoked));
        withKey(revoked).get("/v1/sellers/s1/items/sku-2/forecast").then().statusCode(401);
    }

    @Test
    void malformedIdsAre400() {
        withKey(s1Key).get("/v1/sellers/s1/items/sku 2/forecast")
                .then().statusCode(400).body("error", equalTo("bad_request"));
        withKey(s1Key).get("/v1/sellers/s1/items/" + "a".repeat(129) + "/forecast").then().statusCode(400);
        withKey(s1Key).queryParam("store", "st/1").get("/v1/sellers/s1/items/sku-1/forecast")
                .then().statusCode(400);
        withKey(s1Key).get("/v1/sellers/s1/uploads/up$1").then().statusCode(400);
    }

    @Test
    void unknownItemsAre404WithTheErrorBody() {
        withKey(s1Key).get("/v1/sellers/s1/items/no-such-item/forecast")
                .then().statusCode(404).body("error", equalTo("not_found"))
                .body("message", containsString("no-such-item"));
        withKey(s1Key).queryParam("store", "st-9").get("/v1/sellers/s1/items/sku-1/forecast")
                .then().statusCode(404);
    }

    @Test
    void errorsNeverCarryStackTracesOrClassNames() {
        String body = given().get("/v1/sellers/s1/no-such-path").then().statusCode(404).extract().asString();
        assertFalse(body.contains("Exception") || body.contains("io.trendcast") || body.contains("\tat "), body);
    }

    @Test
    void uploadReportComesWithItsTrainingStatus() {
        blobs.put("reports/s1/up-1.json", ("{\"uploadId\":\"up-1\",\"seller\":\"s1\",\"source\":\"uploads/s1/nov.csv\","
                + "\"status\":\"PARTIAL\",\"rowsRead\":1000,\"rowsAccepted\":990,\"rowsRejected\":10,"
                + "\"rejected\":[{\"line\":17,\"column\":\"quantity\",\"value\":\"abc\",\"reason\":\"not a number\"}],"
                + "\"series\":42,\"from\":\"2024-01-01\",\"to\":\"2024-11-30\",\"frequency\":\"DAILY\","
                + "\"warnings\":[],\"runId\":\"run-1\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        runs.putUploadStatus(new UploadStatus("up-1", "s1", "uploads/s1/nov.csv", UploadState.TRAINED,
                "reports/s1/up-1.json", "run-1", "4 of 4 shards trained", GENERATED));

        withKey(s1Key).get("/v1/sellers/s1/uploads/up-1").then().statusCode(200)
                .body("status", equalTo("PARTIAL"))
                .body("rowsRejected", equalTo(10))
                .body("rejected[0].line", equalTo(17))
                .body("training.state", equalTo("TRAINED"))
                .body("training.runId", equalTo("run-1"))
                .body("training.message", equalTo("4 of 4 shards trained"));
        withKey(s1Key).get("/v1/sellers/s1/uploads/up-unknown").then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/v1/health").then().statusCode(200).body("status", equalTo("ok"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/sellers/{seller}/items/{item}/forecast"))
                .body(containsString("/v1/sellers/{seller}/uploads/{uploadId}"))
                .body(containsString("ErrorBody"))
                .body(containsString("x-api-key"));
    }

    @Test
    void theSampleApiGatewayEventIsServed() throws Exception {
        String event = Files.readString(RepoRoot.find().resolve("events/apigw-get-forecast.json"));
        String api = ConfigProvider.getConfig().getValue("quarkus-internal.aws-lambda.test-api", String.class);
        String response = given().contentType("application/json").body(event).post("http://" + api)
                .then().statusCode(200).extract().asString();
        JsonNode gateway = json.readTree(response);
        assertEquals(200, gateway.get("statusCode").asInt(), response);
        JsonNode body = json.readTree(gateway.get("body").asText());
        assertEquals("sku-1", body.get("item").asText());
        assertEquals("st-1", body.get("store").asText());
        assertEquals(2, body.get("points").size());
    }

    @Test
    void noTrainingCodeIsOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.trendcast.core.model.Forecaster"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.trendcast.core.select.AutoForecaster"));
    }
}
