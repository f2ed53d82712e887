package io.trendcast.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trendcast.aws.keys.ApiKeyIssuer;
import io.trendcast.core.insight.Anomaly;
import io.trendcast.core.insight.FestivalEffect;
import io.trendcast.core.insight.RecentHistory;
import io.trendcast.core.insight.SeasonalPeak;
import io.trendcast.core.insight.SeriesInsights;
import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Point;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
import io.trendcast.core.series.Frequency;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trends, anomalies, inventory, forecast history, the upload report's training part and the dashboard's static
 * files, through the mock API Gateway against dynalite and S3Proxy. Seller {@code ins} has three series whose
 * insights are stored as training writes them.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class InsightsApiTest {

    static final String SELLER = "ins";
    private static final Instant GENERATED = Instant.parse("2025-02-05T06:00:00Z");
    private static final LocalDate FIRST = LocalDate.of(2025, 2, 5);
    /** Standard normal quantiles, R qnorm(0.975) and qnorm(0.95). */
    private static final double Z975 = 1.959963984540054;
    private static final double Z95 = 1.6448536269514722;

    @Inject
    ForecastStore forecasts;
    @Inject
    ApiKeyStore keys;
    @Inject
    BlobStore blobs;

    private String key;

    @BeforeEach
    void seed() {
        key = new ApiKeyIssuer(keys).createForSeller(SELLER);
        forecasts.putAll(List.of(
                forecast("up-big", "north", Direction.RISING, 25, 8.1, LocalDate.of(2024, 12, 1), 42.0, List.of(
                        new Anomaly(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 29), Anomaly.Kind.SPIKE, 90,
                                30, 12.5, "spike: 12.5 σ above the local level (threshold 5 σ, σ = 4.8)"),
                        new Anomaly(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 5), Anomaly.Kind.STOCKOUT, 0,
                                28, 6.1, "stockout: 5 zero period(s)…"))),
                forecast("up-small", null, Direction.RISING, 5, 2.3, LocalDate.of(2025, 1, 10), Double.NaN,
                        List.of()),
                forecast("down", "north", Direction.FALLING, -12, -4.0, LocalDate.of(2024, 10, 1), Double.NaN,
                        List.of(new Anomaly(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 1),
                                Anomaly.Kind.LEVEL_SHIFT, 20, 35, 7.0, "level_shift: …")))));
    }

    /** Daily demand N(20, 5²) for 28 days, with intervals as the train function stores them. */
    private static StoredForecast forecast(String item, String store, Direction direction, double changePct,
                                           double z, LocalDate since, double onHand, List<Anomaly> anomalies) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            double lo80 = 20 - 1.2815515655446004 * 5;
            double hi80 = 20 + 1.2815515655446004 * 5;
            points.add(new Point(FIRST.plusDays(i), 20, lo80, 20, hi80, lo80, hi80, 20 - Z975 * 5, 20 + Z975 * 5));
        }
        double[] history = new double[60];
        for (int t = 0; t < history.length; t++) {
            history[t] = t == 10 ? Double.NaN : 18 + t % 5;
        }
        TrendAnalysis trend = new TrendAnalysis(direction, changePct, z, 19, 20, 0.1, since,
                List.of(new SeasonalPeak(FIRST.plusDays(9), 31, 55)),
                List.of(new FestivalEffect("Valentine's Day", LocalDate.of(2025, 2, 14), 80, 2)));
        SeriesInsights insights = new SeriesInsights(trend, anomalies,
                new RecentHistory(FIRST.minusDays(60), Frequency.DAILY, history), onHand,
                Double.isNaN(onHand) ? null : FIRST.minusDays(1));
        return new StoredForecast(SELLER, SeriesKey.of(item, store), "run-9", "ets(A,N,N)", Frequency.DAILY,
                GENERATED, points, new Accuracy(0.8, 12), trend.summary(), insights);
    }

    private RequestSpecification withKey() {
        return given().header("Authorization", "Bearer " + key);
    }

    @Test
    void trendsRankItemsByGrowthWithStrengthDatesPeaksAndFestivals() {
        JsonPath all = withKey().get("/v1/sellers/" + SELLER + "/trends").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("up-big", "up-small", "down"), all.getList("items.item"));
        assertEquals(List.of(1, 2, 3), all.getList("items.rank"));
        assertEquals("all", all.getString("direction"));
        assertEquals("rising", all.getString("items[0].direction"));
        assertEquals(25.0f, all.getFloat("items[0].changePct"));
        assertEquals(8.1f, all.getFloat("items[0].zScore"));
        assertTrue(all.getBoolean("items[0].significant"));
        assertEquals("2024-12-01", all.getString("items[0].since"));
        assertEquals("2025-02-14", all.getString("items[0].peaks[0].date"));
        assertEquals("Valentine's Day", all.getString("items[0].festivals[0].name"));
        assertEquals("north", all.getString("items[0].store"));

        JsonPath falling = withKey().queryParam("direction", "falling").get("/v1/sellers/" + SELLER + "/trends")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("down"), falling.getList("items.item"));
        JsonPath rising = withKey().queryParam("direction", "rising").queryParam("limit", "1")
                .get("/v1/sellers/" + SELLER + "/trends").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("up-big"), rising.getList("items.item"));
        assertEquals(2, rising.getInt("total"));
    }

    @Test
    void trendParametersAreValidatedAndOtherSellersRefused() {
        withKey().queryParam("direction", "sideways").get("/v1/sellers/" + SELLER + "/trends").then()
                .statusCode(400).body("message", containsString("rising or falling"));
        withKey().queryParam("limit", "0").get("/v1/sellers/" + SELLER + "/trends").then().statusCode(400);
        withKey().queryParam("limit", "x").get("/v1/sellers/" + SELLER + "/trends").then().statusCode(400);
        withKey().get("/v1/sellers/s1/trends").then().statusCode(403);
        withKey().get("/v1/sellers/s1/anomalies").then().statusCode(403);
        given().get("/v1/sellers/" + SELLER + "/trends").then().statusCode(401);
    }

    @Test
    void anomaliesAreListedNewestFirstWithScoreAndRule() {
        JsonPath a = withKey().get("/v1/sellers/" + SELLER + "/anomalies").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("2024-11-29", "2024-09-01", "2024-07-01"), a.getList("anomalies.date"));
        assertEquals(List.of("spike", "level_shift", "stockout"), a.getList("anomalies.kind"));
        assertEquals("2024-07-05", a.getString("anomalies[2].endDate"));
        assertEquals(12.5f, a.getFloat("anomalies[0].score"));
        assertTrue(a.getString("anomalies[0].rule").startsWith("spike:"));
        JsonPath one = withKey().queryParam("item", "up-big").queryParam("kind", "stockout")
                .get("/v1/sellers/" + SELLER + "/anomalies").then().statusCode(200).extract().jsonPath();
        assertEquals(1, one.getInt("count"));
        assertEquals(28.0f, one.getFloat("anomalies[0].expected"));
        withKey().queryParam("kind", "weird").get("/v1/sellers/" + SELLER + "/anomalies").then().statusCode(400);
    }

    @Test
    void inventoryIsTheQuantileOfLeadTimeDemandWithStockFromTheUploadOrTheRequest() {
        JsonPath fromUpload = withKey().queryParam("store", "north").queryParam("leadTimeDays", "7")
                .get("/v1/sellers/" + SELLER + "/items/up-big/inventory").then().statusCode(200).extract()
                .jsonPath();
        double analytic = 7 * 20 + Z95 * 5 * Math.sqrt(7);
        assertEquals(analytic, fromUpload.getDouble("reorderPoint"), 0.02 * analytic);
        assertEquals(Z95 * 5 * Math.sqrt(7), fromUpload.getDouble("safetyStock"), 1e-6);
        assertEquals(140, fromUpload.getDouble("leadTimeDemand.mean"), 1e-9);
        assertEquals("upload", fromUpload.getString("onHandSource"));
        assertEquals(42.0, fromUpload.getDouble("onHand"));
        assertEquals("2025-02-04", fromUpload.getString("onHandDate"));
        assertTrue(fromUpload.getBoolean("reorderNow"));
        assertEquals(Math.ceil(analytic + 20 - 42), fromUpload.getDouble("suggestedOrderQuantity"), 1e-9);
        assertTrue(fromUpload.getList("assumptions").size() >= 4);

        JsonPath requested = withKey().queryParam("leadTimeDays", "7").queryParam("serviceLevel", "0.95")
                .queryParam("onHand", "500").get("/v1/sellers/" + SELLER + "/items/up-small/inventory").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("request", requested.getString("onHandSource"));
        assertEquals(0.0, requested.getDouble("suggestedOrderQuantity"));

        JsonPath unknown = withKey().queryParam("leadTimeDays", "3")
                .get("/v1/sellers/" + SELLER + "/items/up-small/inventory").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("unknown", unknown.getString("onHandSource"));
        assertNull(unknown.get("suggestedOrderQuantity"));
    }

    @Test
    void inventoryParametersAreValidated() {
        String path = "/v1/sellers/" + SELLER + "/items/up-small/inventory";
        withKey().get(path).then().statusCode(400).body("message", containsString("leadTimeDays is required"));
        withKey().queryParam("leadTimeDays", "0").get(path).then().statusCode(400);
        withKey().queryParam("leadTimeDays", "7").queryParam("serviceLevel", "1.5").get(path).then().statusCode(400);
        withKey().queryParam("leadTimeDays", "7").queryParam("onHand", "-3").get(path).then().statusCode(400);
        withKey().queryParam("leadTimeDays", "7").get("/v1/sellers/" + SELLER + "/items/nope/inventory").then()
                .statusCode(404);
    }

    @Test
    void forecastCarriesItsHistoryOnlyWhenAsked() {
        String path = "/v1/sellers/" + SELLER + "/items/up-small/forecast";
        withKey().get(path).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("history")));
        JsonPath f = withKey().queryParam("history", "true").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(60, f.getList("history").size());
        assertEquals(FIRST.minusDays(60).toString(), f.getString("history[0].date"));
        assertEquals(18.0f, f.getFloat("history[0].value"));
        assertNull(f.get("history[10].value"), "not recorded");
        assertEquals(FIRST.minusDays(1).toString(), f.getString("history[59].date"));
    }

    @Test
    void theUploadReportListsTrainingAnomaliesAndCharts() {
        blobs.put("reports/" + SELLER + "/up-7.json", ("{\"uploadId\":\"up-7\",\"seller\":\"" + SELLER
                + "\",\"status\":\"ACCEPTED\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        blobs.put("reports/" + SELLER + "/up-7/anomalies-part-0000.json", ("{\"shard\":\"0000\",\"anomalies\":"
                + "[{\"item\":\"a\",\"store\":null,\"date\":\"2024-07-01\",\"kind\":\"stockout\"}]}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        blobs.put("reports/" + SELLER + "/up-7/anomalies-part-0001.json", ("{\"shard\":\"0001\",\"anomalies\":"
                + "[{\"item\":\"b\",\"store\":null,\"date\":\"2024-08-01\",\"kind\":\"spike\"}]}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        blobs.put("reports/" + SELLER + "/up-7/top-movers.png", new byte[] {1}, "image/png");
        withKey().get("/v1/sellers/" + SELLER + "/uploads/up-7").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("anomalies.item", equalTo(List.of("a", "b")))
                .body("anomalies[1].kind", equalTo("spike"))
                .body("charts", equalTo(List.of("reports/" + SELLER + "/up-7/top-movers.png")))
                .body("drivers", org.hamcrest.Matchers.nullValue());
        blobs.put("reports/" + SELLER + "/up-7/drivers.json", ("{\"series\":2,\"effects\":[{\"driver\":"
                + "\"log(price)\",\"estimate\":-1.8,\"lo95\":-2.1,\"hi95\":-1.5}]}")
                .getBytes(StandardCharsets.UTF_8), "application/json");
        withKey().get("/v1/sellers/" + SELLER + "/uploads/up-7").then().statusCode(200)
                .body("drivers.series", equalTo(2))
                .body("drivers.effects[0].estimate", equalTo(-1.8f))
                .body("charts", equalTo(List.of("reports/" + SELLER + "/up-7/top-movers.png")));
    }

    @Test
    void theDashboardIsServedAsStaticFiles() {
        given().get("/dashboard/index.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Trendcast"));
        given().get("/dashboard/app.js").then().statusCode(200).body(containsString("function"));
        given().get("/dashboard/app.css").then().statusCode(200);
        given().get("/dashboard/finance.html").then().statusCode(200).body(containsString("/v1/costs"));
    }
}
