package io.trendcast.core.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.trendcast.core.upload.UploadFiles.cells;
import static io.trendcast.core.upload.UploadFiles.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadParserTest {

    @TempDir
    Path tmp;

    private UploadParser parser() {
        return UploadFiles.parser(tmp).rejectThreshold(1.0).build();
    }

    private RejectedRow onlyRejection(String header, String row) {
        try (ParsedUpload p = parse(parser(), header + "\n2024-01-01,ok,1\n" + row + "\n")) {
            assertEquals(1, p.rowsRejected(), () -> "rejections: " + p.rejected());
            assertEquals(1, p.rowsAccepted());
            return p.rejected().get(0);
        }
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "2024-13-01,a,1|date|no such date",
        "2024-02-30,a,1|date|no such date",
        "01/02/2024,a,1|date|not a date (expected yyyy-MM-dd or an ISO date-time)",
        "1969-12-31,a,1|date|date before 1970-01-01",
        "2026-01-01,a,1|date|date after 2025-12-02 (too far in the future)",
        "'',a,1|date|empty date",
        "2024-01-02,'',1|item|empty item",
        "2024-01-02,a,abc|quantity|not a number",
        "2024-01-02,a,NaN|quantity|not a finite number",
        "2024-01-02,a,Infinity|quantity|not a finite number",
        "2024-01-02,a,1e309|quantity|not a finite number",
        "2024-01-02,a,0x10|quantity|not a number",
        "2024-01-02,a,''|quantity|empty value",
    })
    void rejectsEachBadValueWithItsColumnAndReason(String row, String column, String reason) {
        RejectedRow r = onlyRejection("date,item,quantity", row.replace("''", ""));
        assertEquals(3, r.line());
        assertEquals(column, r.column());
        assertEquals(reason, r.reason());
        assertEquals(row.replace("''", ""), r.rawLine());
    }

    @Test
    void rejectsOverlongIdsAndControlCharacters() {
        UploadParser p = UploadFiles.parser(tmp).rejectThreshold(1.0).maxIdLength(5).build();
        try (ParsedUpload u = parse(p, "date,item,store,quantity\n2024-01-01,abcdef,s,1\n2024-01-01,a,s\u0001,1\n"
                + "2024-01-01,a,s,1\n")) {
            assertEquals(2, u.rowsRejected());
            assertEquals(new RejectedRow(2, "item", "abcdef", "item id longer than 5 characters",
                    "2024-01-01,abcdef,s,1"), u.rejected().get(0));
            assertEquals("store", u.rejected().get(1).column());
            assertEquals("contains control character U+0001", u.rejected().get(1).reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=HYPERLINK(\"\"http://x.test\"\";\"\"y\"\")", "+1+1", "-2+3", "@SUM(A1)", " =1+1"})
    void rejectsIdsThatASpreadsheetWouldRunAsFormulas(String id) {
        String quoted = "\"" + id + "\"";
        RejectedRow item = onlyRejection("date,item,quantity", "2024-01-02," + quoted + ",1");
        assertEquals("item", item.column());
        assertEquals("item id starts with '" + id.trim().charAt(0) + "', which a spreadsheet runs as a formula; "
                + "remove the leading character", item.reason());
        try (ParsedUpload u = parse(parser(), "date,item,store,quantity\n2024-01-02,a," + quoted + ",1\n")) {
            assertEquals("store", u.rejected().get(0).column());
        }
    }

    @Test
    void aQuoteNeverClosedNamesTheLinesItSwallowedAndKeepsThemInQuarantine() throws IOException {
        String text = "date,item,quantity\n2024-01-01,a,1\n2024-01-02,\"b,2\n2024-01-03,c,3\n2024-01-04,d,4\n";
        try (ParsedUpload u = parse(parser(), text)) {
            assertEquals(List.of(1L, 1L), List.of(u.rowsAccepted(), u.rowsRejected()));
            RejectedRow open = u.rejected().get(0);
            assertEquals(3, open.line());
            assertEquals("a quoted field is never closed (lines 3 to 5 were read as this one row; they are all in "
                    + "the quarantine)", open.reason());
            assertTrue(Files.readString(u.quarantineFile()).contains("2024-01-04,d,4"));
        }
    }

    @Test
    void rejectsWrongFieldCountsInvalidUtf8AndBadOptionalValues() {
        byte[] badUtf8 = "2024-01-01,caf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1);
        String head = "date;item;quantity;price;promo;on_hand\n2024-01-01;a;1;2.5;1;3\n"
                + "2024-01-01;a;b;1;2;;\n" + "2024-01-01;a;1;-2;0;\n" + "2024-01-01;a;1;2;maybe;\n"
                + "2024-01-01;a;1;2;0;lots\n";
        byte[] text = concat(head.getBytes(StandardCharsets.UTF_8), badUtf8);
        try (ParsedUpload u = parser().parse("x.csv", new ByteArrayInputStream(text))) {
            List<RejectedRow> r = u.rejected();
            assertEquals(5, r.size(), r::toString);
            assertEquals("has 7 fields where the header has 6 (an unquoted ';' in a value?)", r.get(0).reason());
            assertEquals(3, r.get(0).line());
            assertEquals(List.of("price", "-2", "negative price"), List.of(r.get(1).column(), r.get(1).value(),
                    r.get(1).reason()));
            assertEquals(List.of("promo", "maybe"), List.of(r.get(2).column(), r.get(2).value()));
            assertEquals(List.of("on_hand", "lots", "not a number"), List.of(r.get(3).column(), r.get(3).value(),
                    r.get(3).reason()));
            assertEquals("not valid UTF-8 text", r.get(4).reason());
            assertEquals(7, r.get(4).line());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheDelimiterFromTheHeader(String d) {
        String text = String.join(d, "Date", "SKU", "Store", "Qty") + "\r\n"
                + String.join(d, "2024-01-01", "\"a" + d + "b\"", "s1", "-2") + "\r\n";
        try (ParsedUpload u = parse(parser(), "\uFEFF" + text)) {
            assertEquals(0, u.rowsRejected(), () -> u.rejected().toString());
            SalesCell c = cells(u.cells()).get(0);
            assertEquals("a" + d + "b", c.series().item());
            assertEquals("s1", c.series().store());
            assertEquals(-2, c.quantity(), "negative quantity is a return");
        }
    }

    @Test
    void quotedFieldsMayHoldQuotesAndLineBreaksAndLineNumbersFollowPhysicalLines() {
        String text = "date,item,quantity\n2024-01-01,\"say \"\"hi\"\"\",1\n2024-01-01,\"two\nlines\",1\n"
                + "2024-01-01,5\" screen,1\nbad,x,1\n";
        try (ParsedUpload u = parse(parser(), text)) {
            assertEquals(4, u.rowsRead());
            RejectedRow twoLines = u.rejected().get(0);
            assertEquals(List.of(3L, "item", "contains control character U+000A", "2024-01-01,\"two\nlines\",1"),
                    List.of(twoLines.line(), twoLines.column(), twoLines.reason(), twoLines.rawLine()));
            assertEquals(6, u.rejected().get(1).line(), "the record after a two-line field is numbered by lines");
            assertEquals(List.of("5\" screen", "say \"hi\""),
                    cells(u.cells()).stream().map(c -> c.series().item()).toList());
        }
    }

    @Test
    void firstAliasWinsAndExtraColumnsAreKeptWhenNumeric() {
        String text = " QTY ,units,order_date,Item_ID,temperature,colour,quantity\n"
                + "5,7,2024-01-01,a,21.5,red,3\n";
        try (ParsedUpload u = parse(parser(), text)) {
            SalesCell c = cells(u.cells()).get(0);
            assertEquals(3, c.quantity(), "'quantity' comes first in the alias list, so it wins over 'qty'");
            assertEquals(List.of("temperature"), u.covariates());
            assertEquals(21.5, c.covariates()[0]);
            assertTrue(u.warnings().contains("column 'QTY' is ignored: column 'quantity' already gives the "
                    + "quantity"), u.warnings()::toString);
            assertTrue(u.warnings().contains("extra column 'colour' is ignored: not numeric (line 2: 'red')"));
        }
    }

    @Test
    void aggregatesTransactionLinesPerSeriesAndDay() {
        String text = "date,item,store,quantity,price,promo,on_hand\n"
                + "2024-01-01,a,s,1,10,0,50\n"
                + "2024-01-01T18:30:00,a,s,3,6,yes,47\n"
                + "2024-01-01,a,s,-1,8,,\n"
                + "2024-01-02,a,,2,,,\n";
        try (ParsedUpload u = parse(parser(), text)) {
            List<SalesCell> cells = cells(u.cells());
            assertEquals(2, cells.size());
            SalesCell noStore = cells.get(0);
            assertNull(noStore.series().store(), "the store-less series sorts first");
            SalesCell day = cells.get(1);
            assertEquals(3, day.quantity());
            assertEquals((10 * 1 + 6 * 3 + 8 * 1) / 5.0, day.price(), 1e-12, "weighted by |quantity|");
            assertEquals(1, day.promo());
            assertEquals(47, day.onHand(), "last stock seen");
            assertEquals(2, u.seriesCount());
        }
    }

    @Test
    void spillingToSortedRunsGivesTheSameCellsAsMemory() {
        StringBuilder text = new StringBuilder("date,item,store,quantity,price\n");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50; i++) {
                for (int d = 1; d <= 9; d++) {
                    text.append("2024-01-0").append(d).append(",item").append((i * 7) % 50).append(",s")
                            .append(i % 3).append(',').append(round + 1).append(',').append(d).append('\n');
                }
            }
        }
        List<SalesCell> memory;
        try (ParsedUpload u = parse(parser(), text.toString())) {
            memory = cells(u.cells());
        }
        UploadParser small = UploadFiles.parser(tmp).maxCellsInMemory(37).build();
        try (ParsedUpload u = parse(small, text.toString())) {
            List<SalesCell> spilled = cells(u.cells());
            assertEquals(memory.size(), spilled.size());
            assertEquals(50 * 9, spilled.size());
            for (int i = 0; i < memory.size(); i++) {
                assertEquals(memory.get(i).series(), spilled.get(i).series());
                assertEquals(memory.get(i).epochDay(), spilled.get(i).epochDay());
                assertEquals(6, spilled.get(i).quantity(), "1 + 2 + 3 from three runs");
                assertEquals(memory.get(i).price(), spilled.get(i).price(), 1e-12);
            }
            assertEquals(2, cells(u.cells()).size() / 225, "the cells can be read again");
        }
    }

    @Test
    void readsGzipByMagicBytesAndRejectsTruncatedGzip() {
        byte[] gz = UploadFiles.gzip("date,item,quantity\n2024-01-01,a,4\n".getBytes(StandardCharsets.UTF_8));
        try (ParsedUpload u = parser().parse("s.csv.gz", new ByteArrayInputStream(gz))) {
            assertEquals(4, cells(u.cells()).get(0).quantity());
        }
        byte[] truncated = Arrays.copyOf(gz, gz.length - 12);
        UploadRejectedException e = assertThrows(UploadRejectedException.class,
                () -> parser().parse("s.csv.gz", new ByteArrayInputStream(truncated)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsGzipBombsLongLinesBinaryAndMissingColumns() {
        byte[] bomb = UploadFiles.gzip(("date,item,quantity\n" + "2024-01-01,a,1\n".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        UploadParser limited = UploadFiles.parser(tmp).maxDecompressedBytes(100_000).build();
        assertTrue(assertThrows(UploadRejectedException.class,
                () -> limited.parse("b.csv.gz", new ByteArrayInputStream(bomb))).getMessage()
                .contains("larger than 100000 bytes once decompressed"));

        UploadParser shortLines = UploadFiles.parser(tmp).maxLineBytes(40).build();
        assertEquals("line 3 is longer than 40 bytes; is this a CSV file with line breaks?",
                assertThrows(UploadRejectedException.class, () -> parse(shortLines,
                        "date,item,quantity\n2024-01-01,a,1\n2024-01-01," + "x".repeat(50) + ",1\n")).getMessage());

        byte[] binary = {'P', 'K', 3, 4, 0, 0, '\n', 1};
        assertTrue(assertThrows(UploadRejectedException.class,
                () -> parser().parse("x.csv", new ByteArrayInputStream(binary))).getMessage()
                .startsWith("not a text file"));

        assertEquals("required column 'quantity' is missing (accepted names: quantity, qty, units, sales); the "
                + "header is: date, item", assertThrows(UploadRejectedException.class,
                () -> parse(parser(), "date,item\n2024-01-01,a\n")).getMessage());
    }

    @Test
    void rejectsTheWholeFileAboveTheThresholdAndWritesEveryRowToQuarantine() throws IOException {
        StringBuilder text = new StringBuilder("date,item,quantity\n");
        for (int i = 0; i < 94; i++) {
            text.append("2024-01-01,a,1\n");
        }
        for (int i = 0; i < 6; i++) {
            text.append("2024-01-01,a,x\n");
        }
        UploadParser p = UploadFiles.parser(tmp).build();
        try (ParsedUpload u = parse(p, text.toString())) {
            assertEquals(UploadStatusCode.REJECTED, u.status());
            assertEquals("6 of 100 rows (6.0%) were rejected, more than the 5.0% allowed; nothing from the file "
                    + "was applied", u.warnings().get(0));
            assertThrows(IllegalStateException.class, u::cells);
            List<String> quarantine = Files.readAllLines(u.quarantineFile());
            assertEquals(7, quarantine.size());
            assertEquals("96,quantity,x,not a number,\"2024-01-01,a,x\"", quarantine.get(1));
        }
        try (ParsedUpload u = parse(p, text.toString().replace("2024-01-01,a,x\n", "") + "2024-01-01,a,x\n")) {
            assertEquals(UploadStatusCode.PARTIAL, u.status());
            assertEquals(1, u.rowsRejected());
            assertTrue(u.warnings().get(0).startsWith("93 row(s) repeat the row before them exactly"),
                    u.warnings()::toString);
        }
    }
}
