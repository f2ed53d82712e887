package io.trendcast.core.cost;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CostCsvTest {

    @Test
    void headerThenOneRowPerGroupWithCrlf() {
        CostReport report = CostReport.of(List.of(
                Records.of("api", "s1", "2026-01-02T09:00:00Z", 12.3, 0, 0, 0.5, 0, 1, 0, Outcome.OK),
                Records.of("ingest", "s1", "2026-01-02T09:00:00Z", 99.5, 2, 3, 0, 1, 1, 1, Outcome.OK)),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"), GroupBy.FUNCTION);
        String[] lines = CostCsv.write(report).split("\r\n", -1);
        assertEquals("function,invocations,gbSeconds,s3Gets,s3Puts,ddbReadUnits,ddbWriteUnits,computeUsd,requestUsd,"
                + "storageRequestUsd,totalUsd", lines[0]);
        // api: 1024 MB × 13 ms = 0.013 GB-s; × 0.0000133334 = 0.0000001733342; 0.5 RRU = 0.0000000625
        assertEquals("api,1,0.013,0,0,0.5,0,0.0000001733342,0.0000002,0.0000000625,0.0000004358342", lines[1]);
        assertEquals("ingest", lines[2].substring(0, lines[2].indexOf(',')));
        assertEquals("", lines[3], "the last row ends with CRLF too");
        assertEquals(4, lines.length);
    }

    @Test
    void formulaLikeCellsAreDefusedAndSpecialCharactersQuoted() {
        assertEquals("'=SUM(A1:A9)", CostCsv.cell("=SUM(A1:A9)"));
        assertEquals("'+1", CostCsv.cell("+1"));
        assertEquals("'-seller", CostCsv.cell("-seller"));
        assertEquals("'@cmd", CostCsv.cell("@cmd"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CostCsv.cell("=HYPERLINK(\"x\",\"y\")"));
        assertEquals("\"a,b\"", CostCsv.cell("a,b"));
        assertEquals("\"two\nlines\"", CostCsv.cell("two\nlines"));
        assertEquals("plain-seller_1", CostCsv.cell("plain-seller_1"));
    }

    @Test
    void aSellerNamedLikeAFormulaIsDefusedInTheReport() {
        CostReport report = CostReport.of(List.of(
                Records.of("api", "=cmd", "2026-01-02T09:00:00Z", 1, 0, 0, 0, 0, 1, 0, Outcome.OK)),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-03"), GroupBy.SELLER);
        assertEquals("'=cmd", CostCsv.write(report).split("\r\n")[1].split(",")[0]);
    }
}
