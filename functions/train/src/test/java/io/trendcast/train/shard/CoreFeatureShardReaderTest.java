package io.trendcast.train.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.port.SeriesKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreFeatureShardReaderTest {

    private final CoreFeatureShardReader reader = new CoreFeatureShardReader();

    private List<ShardSeries> read(String csv) {
        return reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "part-0000.csv");
    }

    @Test
    void readsEachSeriesWithQuotesExtraColumnsAndMissingQuantities() {
        List<ShardSeries> series = read("""
                series_key,item,store,date,quantity,price,promo,on_hand,temperature\r
                "sku,1/st-1","sku,1",st-1,2024-01-01,4,9.99,1,12,2.0\r
                "sku,1/st-1","sku,1",st-1,2024-01-02,5,9.99,0,10,3.5\r
                "sku,1/st-1","sku,1",st-1,2024-01-03,,9.99,0,10,3.5\r
                sku-2,sku-2,,2024-01-01,7,,,,\r
                """);
        assertEquals(2, series.size());
        ShardSeries first = series.get(0);
        assertEquals(SeriesKey.of("sku,1", "st-1"), first.key());
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)),
                first.dates());
        assertArrayEquals(new double[] {4, 5, Double.NaN}, first.quantities());
        assertEquals(SeriesKey.of("sku-2"), series.get(1).key());
    }

    @Test
    void malformedShardsAreShardFormatErrorsNamingTheProblem() {
        ShardFormatException header = assertThrows(ShardFormatException.class,
                () -> read("series_key,item,date,quantity\nx,x,2024-01-01,1\n"));
        assertTrue(header.getMessage().contains("part-0000.csv"), header.getMessage());
        ShardFormatException number = assertThrows(ShardFormatException.class,
                () -> read("series_key,item,store,date,quantity,price,promo,on_hand\nx,x,,2024-01-01,lots,,,\n"));
        assertTrue(number.getMessage().contains("line 2"), number.getMessage());
        assertThrows(ShardFormatException.class, () -> read(""));
    }
}
