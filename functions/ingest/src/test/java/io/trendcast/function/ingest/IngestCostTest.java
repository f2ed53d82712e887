package io.trendcast.function.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trendcast.aws.AwsClients;
import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.core.cost.Architecture;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.core.port.BlobStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An ingest invocation books one cost ledger item with its seller, its work and the requests it made. */
@QuarkusTest
@WithTestResource(EmulatorsResource.class)
class IngestCostTest {

    @Inject
    BlobStore blobs;

    @Inject
    AwsClients clients;

    @Test
    void oneUploadIsOneLedgerItemPricedByTheFormula() {
        String key = "uploads/cost-seller/sales.csv";
        blobs.put(key, Events.sample("sales-clean.csv"), "text/csv");
        given().contentType("application/json").body(Events.uploadEvent(key, "v-cost")).when().post().then()
                .statusCode(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CostRecord> items = new DynamoDbCostLedger(clients.dynamoDb(),
                TableNames.withPrefix(EmulatorsResource.TABLE_PREFIX).costLedger()).between(today.minusDays(1), today)
                .stream().filter(r -> "cost-seller".equals(r.seller())).toList();
        assertEquals(1, items.size(), items.toString());
        CostRecord item = items.get(0);
        assertEquals("ingest", item.function());
        assertEquals(Outcome.OK, item.outcome());
        assertEquals(1024, item.memoryMb(), "the template's memory outside Lambda");
        assertTrue(item.units() > 0 && item.seriesDays() >= item.units() * 100, "series and series-days: " + item);
        assertTrue(item.s3Gets() >= 1, "the upload was read: " + item);
        assertTrue(item.s3Puts() >= 3, "report, dataset and shards were written: " + item);
        assertTrue(item.ddbWriteUnits() > 0, "claim and status were written: " + item);
        assertEquals(Architecture.parse(System.getProperty("os.arch")), item.architecture());
        assertEquals(0, PriceTable.defaults().cost(item.usage()).totalUsd().compareTo(item.totalUsd()));
    }
}
