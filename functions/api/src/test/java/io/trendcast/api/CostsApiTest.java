package io.trendcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trendcast.aws.keys.ApiKeyIssuer;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.CostLedger;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;
import io.trendcast.core.series.Frequency;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /v1/costs} for finance keys only, and the api's own metering: every request it serves is one ledger
 * item, priced by the formula from its own usage.
 */
@QuarkusTest
@WithTestResource(Emulators.class)
class CostsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApiKeyStore keys;
    @Inject
    ForecastStore forecasts;
    @Inject
    CostLedger ledger;

    private String sellerKey;
    private String financeKey;

    @BeforeEach
    void seed() {
        ApiKeyIssuer issuer = new ApiKeyIssuer(keys);
        sellerKey = issuer.createForSeller("c1");
        financeKey = issuer.createFinance();
        forecasts.putAll(List.of(new StoredForecast("c1", SeriesKey.of("sku-9", null), "run-9", "ets", Frequency.DAILY,
                Instant.parse("2026-01-01T00:00:00Z"), List.of(new StoredForecast.Point(LocalDate.of(2026, 1, 2), 3, 2,
                3, 4, 2, 4, 1, 5)), new StoredForecast.Accuracy(0.9, 10),
                new StoredForecast.Trend(StoredForecast.Trend.Direction.RISING, 1.5))));
    }

    @Test
    void sellerKeysGet403AndNoKeyGets401() {
        given().header("Authorization", "Bearer " + sellerKey).get("/v1/costs").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        given().get("/v1/costs").then().statusCode(401);
    }

    @Test
    void badParametersAre400() {
        for (String query : List.of("from=2026-13-01", "groupBy=month", "format=xlsx", "from=2026-02-01&to=2026-01-01",
                "from=2024-01-01&to=2026-01-01")) {
            given().header("x-api-key", financeKey).get("/v1/costs?" + query).then().statusCode(400);
        }
    }

    @Test
    void everyRequestIsBookedOnceAndPricedByTheFormula() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> before = ids(ledger.between(today.minusDays(1), today.plusDays(1)));
        for (int i = 0; i < 3; i++) {
            given().header("x-api-key", sellerKey).get("/v1/sellers/c1/items/sku-9/forecast").then().statusCode(200);
        }
        given().header("x-api-key", sellerKey).get("/v1/sellers/c1/items/none/forecast").then().statusCode(404);
        List<CostRecord> all = ledger.between(today.minusDays(1), today.plusDays(1));
        List<CostRecord> mine = all.stream().filter(r -> !before.contains(r.requestId())).toList();
        assertEquals(4, mine.size(), "one item per request: " + mine);
        assertEquals(4, ids(mine).size(), "distinct request ids");
        for (CostRecord record : mine) {
            assertEquals("api", record.function());
            assertEquals("c1", record.seller());
            assertEquals(Outcome.OK, record.outcome());
            assertEquals(512, record.memoryMb());
            assertTrue(record.ddbReadUnits() > 0, "the key lookup and the forecast read: " + record);
            assertEquals(0, PriceTable.defaults().cost(record.usage()).totalUsd().compareTo(record.totalUsd()));
        }
        assertEquals(3, mine.stream().mapToLong(CostRecord::units).sum(), "three forecasts served");
        assertEquals(1, mine.stream().filter(r -> r.units() == 0).count(), "the 404 served none");

        Response response = given().header("Authorization", "Bearer " + financeKey)
                .get("/v1/costs?from=" + today + "&to=" + today + "&groupBy=seller");
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode report = JSON.readTree(response.asString());
        assertEquals("seller", report.path("groupBy").asText());
        JsonNode c1 = null;
        for (JsonNode group : report.path("groups")) {
            if (group.path("key").asText().equals("c1")) {
                c1 = group;
            }
        }
        assertTrue(c1 != null && c1.path("invocations").asLong() >= 4, report.toString());
        assertTrue(report.path("forecastsServed").asLong() >= 3, report.toString());
        assertTrue(report.path("total").path("totalUsd").decimalValue().signum() > 0);
        assertTrue(report.path("usdPerForecastServed").isNumber());
    }

    @Test
    void csvHasAHeaderOneRowPerGroupAndDefusedCells() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // a finance key reads no seller's data (403), but the request is booked under the path's seller
        given().header("x-api-key", financeKey).get("/v1/sellers/-danger/items/x/forecast").then().statusCode(403);
        Response csv = given().header("x-api-key", financeKey)
                .get("/v1/costs?from=" + today + "&to=" + today + "&groupBy=seller&format=csv");
        assertEquals(200, csv.statusCode(), csv.asString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.header("Content-Disposition").contains("attachment"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals("seller,invocations,gbSeconds,s3Gets,s3Puts,ddbReadUnits,ddbWriteUnits,computeUsd,requestUsd,"
                + "storageRequestUsd,totalUsd", lines[0]);
        Set<String> keys = java.util.Arrays.stream(lines).skip(1).map(l -> l.substring(0, l.indexOf(',')))
                .collect(Collectors.toSet());
        assertEquals(lines.length - 1, keys.size(), "one row per group");
        assertTrue(keys.contains("'-danger"), "a cell starting with '-' is defused: " + keys);
        for (String line : lines) {
            assertEquals(11, line.split(",", -1).length, line);
        }
    }

    private static Set<String> ids(List<CostRecord> records) {
        return records.stream().map(CostRecord::requestId).collect(Collectors.toSet());
    }
}
