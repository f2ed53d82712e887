package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.trendcast.core.upload.UploadFiles.cell;
import static io.trendcast.core.upload.UploadFiles.cells;
import static io.trendcast.core.upload.UploadFiles.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesHistoryTest {

    private static final UploadStamp JAN = stamp("jan", "2024-02-01T10:00:00Z", "uploads/s/jan.csv");
    private static final UploadStamp FEB = stamp("feb", "2024-03-01T10:00:00Z", "uploads/s/feb.csv");
    private static final UploadStamp MAR = stamp("mar", "2024-04-01T10:00:00Z", "uploads/s/mar.csv");

    @Test
    void uploadReplacesAndAddsDaysOfItsSeriesAndLeavesOtherSeriesUntouched() {
        List<SalesCell> history = List.of(
                cell("a", "s1", "2024-01-01", 1), cell("a", "s1", "2024-01-02", 2),
                cell("b", null, "2024-01-01", 5), cell("b", null, "2024-01-02", 6),
                cell("c", "s1", "2024-01-01", 9));
        List<SalesCell> upload = List.of(
                cell("a", "s1", "2024-01-02", 20), cell("a", "s1", "2024-01-03", 30),
                cell("b", "s2", "2024-01-01", 7));
        Merged first = mergeFirst(UploadTable.empty(), stream(List.of(), history), JAN);
        Merged second = merge(first, first.table, stream(List.of(), upload), FEB);
        assertEquals(List.of("a/s1 2024-01-01 1.0 jan", "a/s1 2024-01-02 20.0 feb", "a/s1 2024-01-03 30.0 feb",
                        "b 2024-01-01 5.0 jan", "b 2024-01-02 6.0 jan", "b/s2 2024-01-01 7.0 feb",
                        "c/s1 2024-01-01 9.0 jan"), second.rows());
        assertEquals(4, second.result.summary().series());
        assertEquals(7, second.result.summary().cells());
        assertEquals(0, second.result.superseded());
    }

    @Test
    void anEarlierUploadMergedLaterFillsOnlyTheDaysItAloneHas() {
        List<SalesCell> jan = List.of(cell("a", null, "2024-01-01", 1), cell("a", null, "2024-01-02", 1),
                cell("a", null, "2024-01-03", 1));
        List<SalesCell> feb = List.of(cell("a", null, "2024-01-02", 2), cell("a", null, "2024-01-03", 2),
                cell("a", null, "2024-01-04", 2));
        Merged febFirst = mergeFirst(UploadTable.empty(), stream(List.of(), feb), FEB);
        Merged thenJan = merge(febFirst, febFirst.table, stream(List.of(), jan), JAN);
        assertEquals(List.of("a 2024-01-01 1.0 jan", "a 2024-01-02 2.0 feb", "a 2024-01-03 2.0 feb",
                "a 2024-01-04 2.0 feb"), thenJan.rows());
        assertEquals(2, thenJan.result.superseded(), "two days of jan were already given by feb");

        Merged janFirst = mergeFirst(UploadTable.empty(), stream(List.of(), jan), JAN);
        Merged thenFeb = merge(janFirst, janFirst.table, stream(List.of(), feb), FEB);
        assertEquals(thenFeb.text, thenJan.text, "the same bytes in either order");
        assertEquals(0, thenFeb.result.superseded());
    }

    @Test
    void everyOrderOfThreeOverlappingUploadsGivesTheSameBytes() {
        List<List<SalesCell>> uploads = List.of(
                List.of(cell("a", null, "2024-01-01", 1), cell("a", null, "2024-01-02", 1),
                        cell("b", "s", "2024-01-01", 1)),
                List.of(cell("a", null, "2024-01-02", 2), cell("a", null, "2024-01-03", 2),
                        cell("b", "s", "2024-01-01", 2), cell("c", null, "2024-01-05", 2)),
                List.of(cell("a", null, "2024-01-01", 3), cell("a", null, "2024-01-03", 3),
                        cell("c", null, "2024-01-06", 3)));
        List<UploadStamp> stamps = List.of(JAN, FEB, MAR);
        String inOrder = null;
        for (int[] order : new int[][]{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            Merged merged = null;
            for (int i : order) {
                merged = merge(merged, merged == null ? UploadTable.empty() : merged.table,
                        stream(List.of(), uploads.get(i)), stamps.get(i));
            }
            if (inOrder == null) {
                inOrder = merged.text;
                assertEquals(List.of("a 2024-01-01 3.0 mar", "a 2024-01-02 2.0 feb", "a 2024-01-03 3.0 mar",
                        "b/s 2024-01-01 2.0 feb", "c 2024-01-05 2.0 feb", "c 2024-01-06 3.0 mar"), merged.rows());
            }
            assertEquals(inOrder, merged.text, "order " + java.util.Arrays.toString(order));
        }
    }

    @Test
    void aHistoryWithoutStampsIsOlderThanEveryUpload() {
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        try (SalesCsv.Writer w = new SalesCsv.Writer(legacy, List.of())) {
            w.write(cell("a", null, "2024-01-01", 7));
            w.write(cell("a", null, "2024-01-02", 7));
        }
        SalesCsv.Reader old = new SalesCsv.Reader(new ByteArrayInputStream(legacy.toByteArray()), "legacy");
        assertEquals(-1, old.upload());
        Merged merged = merge(old, UploadTable.legacy(),
                stream(List.of(), List.of(cell("a", null, "2024-01-02", 1))), JAN);
        assertEquals(List.of("a 2024-01-01 7.0 legacy", "a 2024-01-02 1.0 jan"), merged.rows());
        assertEquals(List.of(UploadStamp.LEGACY, JAN), merged.table.stamps());
    }

    @Test
    void aRowNamingNoUploadOfTheTableIsAFormatError() {
        Merged one = mergeFirst(UploadTable.empty(), stream(List.of(), List.of(cell("a", null, "2024-01-01", 1))),
                JAN);
        assertThrows(SalesFormatException.class, () -> merge(one, UploadTable.empty(),
                stream(List.of(), List.of()), FEB));
    }

    @Test
    void covariatesAreTheUnionInNameOrder() {
        SalesCell h = new SalesCell(SeriesKey.of("a"), 0, 1, 2, 0, 3, new double[]{10, 11});
        SalesCell u = new SalesCell(SeriesKey.of("a"), 1, 1, 2, 1, 3, new double[]{12, 13});
        Merged first = mergeFirst(UploadTable.empty(), stream(List.of("temp", "rain"), List.of(h)), JAN);
        Merged both = merge(first, first.table, stream(List.of("rain", "wind"), List.of(u)), FEB);
        SalesCsv.Reader reader = both.reader();
        assertEquals(List.of("rain", "temp", "wind"), reader.covariates());
        List<SalesCell> cells = cells(reader);
        assertEquals(List.of(11.0, 10.0, Double.NaN), List.of(cells.get(0).covariates()[0],
                cells.get(0).covariates()[1], cells.get(0).covariates()[2]));
        assertEquals(List.of(12.0, Double.NaN, 13.0), List.of(cells.get(1).covariates()[0],
                cells.get(1).covariates()[1], cells.get(1).covariates()[2]));
        assertTrue(both.text.startsWith("upload,series_key,item,store,date,quantity,price,promo,on_hand,rain,temp,"
                + "wind\n0,"), both.text);
    }

    private static UploadStamp stamp(String id, String created, String key) {
        return UploadStamp.of(id, Instant.parse(created), key, null, null);
    }

    private static Merged mergeFirst(UploadTable table, CellStream upload, UploadStamp stamp) {
        return merge((SalesCsv.Reader) null, table, upload, stamp);
    }

    private static Merged merge(Merged previous, UploadTable table, CellStream upload, UploadStamp stamp) {
        return merge(previous == null ? null : previous.reader(), table, upload, stamp);
    }

    private static Merged merge(SalesCsv.Reader history, UploadTable table, CellStream upload, UploadStamp stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesCsv.Writer[] writer = new SalesCsv.Writer[1];
        SalesHistory.Result result = SalesHistory.merge(history, table, upload, stamp,
                names -> writer[0] = new SalesCsv.Writer(out, names, true));
        writer[0].close();
        return new Merged(out.toString(StandardCharsets.UTF_8), result.uploads(), result);
    }

    /** A merged history as text, with its table and the merge's outcome. */
    private record Merged(String text, UploadTable table, SalesHistory.Result result) {

        SalesCsv.Reader reader() {
            return new SalesCsv.Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "merged");
        }

        /** Each row as "series date quantity upload-id". */
        List<String> rows() {
            List<String> out = new ArrayList<>();
            try (SalesCsv.Reader r = reader()) {
                for (SalesCell c = r.next(); c != null; c = r.next()) {
                    out.add(c.series().encode() + " " + c.date() + " " + c.quantity() + " "
                            + table.get(r.upload()).uploadId());
                }
            }
            return out;
        }
    }
}
