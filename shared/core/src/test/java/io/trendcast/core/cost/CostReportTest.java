package io.trendcast.core.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CostReportTest {

    private final List<CostRecord> records = List.of(
            Records.of("ingest", "s1", "2026-01-01T10:00:00Z", 1500.2, 3, 5, 1, 4, 40, 16_000, Outcome.OK),
            Records.of("train", "s1", "2026-01-01T10:00:05Z", 30_000, 2, 1, 1, 40, 40, 16_000, Outcome.OK),
            Records.of("api", "s1", "2026-01-02T09:00:00Z", 12.3, 0, 0, 0.5, 0, 1, 0, Outcome.OK),
            Records.of("api", "s2", "2026-01-02T09:00:01Z", 9.9, 0, 0, 0.5, 0, 1, 0, Outcome.OK),
            Records.of("api", null, "2026-01-03T09:00:00Z", 20, 0, 0, 2, 0, 0, 0, Outcome.ERROR),
            Records.of("api", "s1", "2026-01-05T09:00:00Z", 20, 0, 0, 0.5, 0, 1, 0, Outcome.OK));

    @Test
    void groupsByFunctionSumEveryFieldAndTheTotalSumsTheGroups() {
        CostReport report = CostReport.of(records, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"),
                GroupBy.FUNCTION);
        assertEquals(List.of("api", "ingest", "train"), report.groups().stream().map(CostGroup::key).toList());
        CostGroup api = report.groups().get(0);
        assertEquals(3, api.invocations());
        assertEquals(1, api.errors());
        assertEquals(0, new BigDecimal("3").compareTo(api.ddbReadUnits()));
        BigDecimal expectedApiUsd = records.get(2).totalUsd().add(records.get(3).totalUsd())
                .add(records.get(4).totalUsd());
        assertEquals(0, expectedApiUsd.compareTo(api.cost().totalUsd()));
        BigDecimal sum = report.groups().stream().map(g -> g.cost().totalUsd()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, sum.compareTo(report.total().cost().totalUsd()));
        assertEquals(5, report.total().invocations(), "the record of 2026-01-05 is outside the period");
        assertEquals(5, report.total().s3Gets());
        assertEquals(6, report.total().s3Puts());
    }

    @Test
    void unitCostsAreApiPerForecastServedAndTrainingPerSeriesTrained() {
        CostReport report = CostReport.of(records, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"),
                GroupBy.DAY);
        assertEquals(2, report.forecastsServed());
        assertEquals(40, report.seriesTrained(), "ingest's units are series ingested, not trained");
        BigDecimal api = records.get(2).totalUsd().add(records.get(3).totalUsd()).add(records.get(4).totalUsd());
        assertEquals(api.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64), report.usdPerForecastServed());
        BigDecimal training = records.get(0).totalUsd().add(records.get(1).totalUsd());
        assertEquals(training.divide(BigDecimal.valueOf(40), MathContext.DECIMAL64), report.usdPerSeriesTrained());
        assertEquals(List.of("2026-01-01", "2026-01-02", "2026-01-03"),
                report.groups().stream().map(CostGroup::key).toList());
    }

    @Test
    void sellersWithoutASellerFallUnderNone() {
        CostReport report = CostReport.of(records, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                GroupBy.SELLER);
        assertEquals(List.of(CostReport.NO_SELLER, "s1", "s2"), report.groups().stream().map(CostGroup::key).toList());
        assertEquals(4, report.groups().get(1).invocations());
    }

    @Test
    void anEmptyPeriodHasNoGroupsAndNoUnitCosts() {
        CostReport report = CostReport.of(records, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
                GroupBy.FUNCTION);
        assertEquals(List.of(), report.groups());
        assertEquals(0, report.total().invocations());
        assertNull(report.usdPerForecastServed());
        assertNull(report.usdPerSeriesTrained());
        assertThrows(IllegalArgumentException.class, () -> CostReport.of(records, LocalDate.parse("2025-01-31"),
                LocalDate.parse("2025-01-01"), GroupBy.DAY));
        assertThrows(IllegalArgumentException.class, () -> GroupBy.parse("month"));
        assertEquals(GroupBy.SELLER, GroupBy.parse("Seller"));
    }
}
