package io.trendcast.local.cli;

import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.core.cost.Architecture;
import io.trendcast.core.cost.CostEstimate;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.MeasuredRates;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.local.stack.DataDirTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trendcast costs} and {@code trendcast estimate} on a ledger of known items, without a running stack. */
class CostCommandsTest {

    @TempDir
    Path dir;

    private List<CostRecord> records;

    @BeforeEach
    void seed() {
        Instant now = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60);
        PriceTable prices = PriceTable.defaults();
        records = List.of(
                CostRecord.priced("ingest", "r1", "s1", now, 2000.4, 1024, Architecture.ARM64, true, 6, 9, 2, 8,
                        Outcome.OK, null, "ingest", 40, 16_000, prices),
                CostRecord.priced("train", "r2", "s1", now.plusSeconds(5), 40_000, 3008, Architecture.X86_64, true, 4,
                        2, 1, 44, Outcome.OK, null, "train", 40, 16_000, prices),
                CostRecord.priced("api", "r3", "s1", now.plusSeconds(9), 15.2, 512, Architecture.ARM64, true, 0, 0,
                        1, 0, Outcome.OK, null, "GET /v1/sellers/{seller}/items/{item}/forecast", 1, 0, prices),
                CostRecord.priced("api", "r4", "-x", now.plusSeconds(10), 3, 512, Architecture.ARM64, false, 0, 0,
                        0.5, 0, Outcome.ERROR, "HTTP 500", "GET /v1/health", 0, 0, prices));
        try (DataDirTables tables = DataDirTables.open(dir)) {
            DynamoDbCostLedger ledger = new DynamoDbCostLedger(tables.dynamoDb(), tables.names().costLedger());
            records.forEach(ledger::append);
        }
    }

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, new CommandLine(new TrendcastCommand()).execute(args));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void costsPrintsOneRowPerFunctionAndTheTotal() {
        String out = run("costs", "--group-by", "function", "--data-dir", dir.toString());
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(1).startsWith("function"), out);
        assertTrue(lines.get(2).startsWith("api ") && lines.get(2).contains("  2  "), out);
        assertTrue(lines.get(3).startsWith("ingest "), out);
        assertTrue(lines.get(4).startsWith("train "), out);
        assertTrue(lines.get(6).startsWith("total "), out);
        assertTrue(out.contains("forecasts served: 1"), out);
        assertTrue(out.contains("series trained: 40"), out);
        assertTrue(out.contains("free tier not deducted"), out);
    }

    @Test
    void costsAsCsvDefusesFormulaCells() {
        String out = run("costs", "--group-by", "seller", "--csv", "--data-dir", dir.toString());
        String[] lines = out.split("\r\n");
        assertEquals(3, lines.length, out);
        assertTrue(lines[1].startsWith("'-x,1,"), out);
        assertTrue(lines[2].startsWith("s1,3,"), out);
    }

    @Test
    void estimateForTheM5SizeProjectsFromTheMeasuredFigures() {
        String out = run("estimate", "--series", "30490", "--history-days", "1941", "--uploads-per-day", "1",
                "--data-dir", dir.toString());
        CostEstimate expected = CostEstimate.project(MeasuredRates.of(records), PriceTable.defaults(), 30_490, 200,
                1_941, 1, 0);
        assertTrue(out.contains("Monthly total: $" + CostTables.money(expected.total().cost().totalUsd())), out);
        // train: 40 s × 3008 MB over 16,000 series-days; 30 uploads × 30,490 × 1,941 series-days
        assertEquals(0, expected.lines().get(1).cost().gbSeconds().compareTo(
                new java.math.BigDecimal("117.5").divide(java.math.BigDecimal.valueOf(16_000))
                        .multiply(java.math.BigDecimal.valueOf(30L * 30_490 * 1_941))
                        .round(java.math.MathContext.DECIMAL64)));
        // 153 shards of at most 200 series, one train invocation each, every day of a 30-day month
        assertEquals(0, java.math.BigDecimal.valueOf(153 * 30).compareTo(expected.lines().get(1).invocations()));
        for (String function : List.of("ingest", "train", "api", "total")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(function + " ")), function + " line in\n" + out);
        }
    }

    @Test
    void estimateWithoutMeasurementsSaysWhatToRun() {
        Path empty = dir.resolve("empty");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine line = new CommandLine(new TrendcastCommand()).setExecutionExceptionHandler(
                    (error, failed, parsed) -> {
                        System.err.println(error.getMessage());
                        return 1;
                    });
            assertEquals(1, line.execute("estimate", "--series", "10", "--history-days", "10", "--data-dir",
                    empty.toString()));
        } finally {
            System.setErr(original);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("trendcast demo"), captured.toString());
    }
}
