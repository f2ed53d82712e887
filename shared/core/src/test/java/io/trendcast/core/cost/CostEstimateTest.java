package io.trendcast.core.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CostEstimateTest {

    // ingest: 1024 MB arm64, 1000 ms for 40 series × 400 days; train: 3008 MB x86, 2 invocations of 20 series
    private final List<CostRecord> records = List.of(
            Records.of("ingest", "s1", "2026-01-01T10:00:00Z", 1000, 4, 8, 2, 4, 40, 16_000, Outcome.OK),
            Records.of("train", "s1", "2026-01-01T10:00:05Z", 10_000, 2, 1, 1, 20, 20, 8_000, Outcome.OK),
            Records.of("train", "s1", "2026-01-01T10:00:20Z", 10_000, 2, 1, 1, 20, 20, 8_000, Outcome.OK),
            Records.of("train", "s1", "2026-01-01T10:01:00Z", 50, 0, 0, 0, 0, 0, 0, Outcome.ERROR),
            Records.of("api", "s1", "2026-01-02T09:00:00Z", 10, 0, 0, 0.5, 0, 1, 0, Outcome.OK));

    @Test
    void ratesComeFromSuccessfulInvocationsThatDidWork() {
        MeasuredRates rates = MeasuredRates.of(records);
        // train: 2 × 3008 MB × 10 s = 58.75 GB-s over 16,000 series-days
        assertEquals(0, new BigDecimal("58.75").divide(BigDecimal.valueOf(16_000)).compareTo(
                rates.train().gbSecondsPerUnit()));
        assertEquals(2, rates.train().invocations());
        // S3 per shard (two train invocations measured), DynamoDB per series
        assertEquals(0, new BigDecimal("2").compareTo(rates.ingest().s3GetsPerUnit()));
        assertEquals(0, new BigDecimal("0.1").compareTo(rates.ingest().writeUnitsPerUnit()));
        assertEquals(0, new BigDecimal("2").compareTo(rates.train().s3GetsPerUnit()));
        assertEquals(0, BigDecimal.ONE.compareTo(rates.train().writeUnitsPerUnit()));
    }

    @Test
    void theProjectionScalesComputeWithSeriesDaysAndRequestsWithSeries() {
        MeasuredRates rates = MeasuredRates.of(records);
        PriceTable prices = PriceTable.defaults();
        // the measured size itself, one upload a day: 30 uploads a month, each costing what was measured
        CostEstimate same = CostEstimate.project(rates, prices, 40, 20, 400, 1, 0);
        CostEstimate.Line train = same.lines().get(1);
        assertEquals(0, BigDecimal.valueOf(60).compareTo(train.invocations()));
        assertEquals(0, new BigDecimal("58.75").multiply(BigDecimal.valueOf(30)).compareTo(train.cost().gbSeconds()));
        BigDecimal measuredTrain = records.get(1).totalUsd().add(records.get(2).totalUsd());
        assertEquals(0, measuredTrain.multiply(BigDecimal.valueOf(30)).compareTo(train.cost().totalUsd()));
        BigDecimal measuredIngest = records.get(0).totalUsd();
        assertEquals(0, measuredIngest.multiply(BigDecimal.valueOf(30)).compareTo(same.lines().get(0).cost()
                .totalUsd()));
        // ten times the series in shards of 20: twenty shards, ten times the requests and units
        CostEstimate wider = CostEstimate.project(rates, prices, 400, 20, 400, 1, 0);
        assertEquals(0, BigDecimal.valueOf(600).compareTo(wider.lines().get(1).invocations()));
        assertEquals(0, train.s3Requests().multiply(BigDecimal.TEN).compareTo(wider.lines().get(1).s3Requests()));
        // double the history: compute doubles, requests stay
        CostEstimate longer = CostEstimate.project(rates, prices, 40, 20, 800, 1, 0);
        assertEquals(0, train.cost().gbSeconds().multiply(BigDecimal.valueOf(2))
                .compareTo(longer.lines().get(1).cost().gbSeconds()));
        assertEquals(0, train.s3Requests().compareTo(longer.lines().get(1).s3Requests()));
        BigDecimal sum = same.lines().stream().map(l -> l.cost().totalUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(same.total().cost().totalUsd()));
        assertEquals(0, BigDecimal.ZERO.compareTo(same.lines().get(2).cost().totalUsd()), "no forecast requests");
    }

    @Test
    void withoutMeasurementsThereIsNoEstimate() {
        assertThrows(IllegalStateException.class, () -> MeasuredRates.of(records.subList(1, 5)));
        MeasuredRates rates = MeasuredRates.of(records);
        assertThrows(IllegalArgumentException.class, () -> CostEstimate.project(rates, PriceTable.defaults(), 0, 200,
                10, 1, 0));
    }
}
