package io.trendcast.core.upload;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static io.trendcast.core.upload.UploadFiles.cell;
import static io.trendcast.core.upload.UploadFiles.cells;
import static io.trendcast.core.upload.UploadFiles.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SalesHistoryTest {

    @Test
    void uploadReplacesAndAddsDaysOfItsSeriesAndLeavesOtherSeriesUntouched() {
        List<SalesCell> history = List.of(
                cell("a", "s1", "2024-01-01", 1), cell("a", "s1", "2024-01-02", 2),
                cell("b", null, "2024-01-01", 5), cell("b", null, "2024-01-02", 6),
                cell("c", "s1", "2024-01-01", 9));
        List<SalesCell> upload = List.of(
                cell("a", "s1", "2024-01-02", 20), cell("a", "s1", "2024-01-03", 30),
                cell("b", "s2", "2024-01-01", 7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesCsv.Writer[] writer = new SalesCsv.Writer[1];
        SalesHistory.Summary summary = SalesHistory.merge(stream(List.of(), history), stream(List.of(), upload),
                names -> writer[0] = new SalesCsv.Writer(out, names));
        writer[0].close();
        List<SalesCell> merged = cells(new SalesCsv.Reader(new ByteArrayInputStream(out.toByteArray()), "merged"));
        assertEquals(List.of("a/s1 2024-01-01 1.0", "a/s1 2024-01-02 20.0", "a/s1 2024-01-03 30.0",
                        "b 2024-01-01 5.0", "b 2024-01-02 6.0", "b/s2 2024-01-01 7.0", "c/s1 2024-01-01 9.0"),
                merged.stream().map(c -> c.series().encode() + " " + c.date() + " " + c.quantity()).toList());
        assertEquals(4, summary.series());
        assertEquals(7, summary.cells());
    }

    @Test
    void covariatesAreTheUnionHistoryFirst() {
        SalesCell h = new SalesCell(io.trendcast.core.port.SeriesKey.of("a"), 0, 1, 2, 0, 3, new double[]{10, 11});
        SalesCell u = new SalesCell(io.trendcast.core.port.SeriesKey.of("a"), 1, 1, 2, 1, 3, new double[]{12, 13});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesCsv.Writer[] writer = new SalesCsv.Writer[1];
        SalesHistory.merge(stream(List.of("temp", "rain"), List.of(h)), stream(List.of("rain", "wind"), List.of(u)),
                names -> writer[0] = new SalesCsv.Writer(out, names));
        writer[0].close();
        SalesCsv.Reader reader = new SalesCsv.Reader(new ByteArrayInputStream(out.toByteArray()), "m");
        assertEquals(List.of("temp", "rain", "wind"), reader.covariates());
        List<SalesCell> cells = cells(reader);
        assertEquals(List.of(10.0, 11.0, Double.NaN), List.of(cells.get(0).covariates()[0],
                cells.get(0).covariates()[1], cells.get(0).covariates()[2]));
        assertEquals(List.of(Double.NaN, 12.0, 13.0), List.of(cells.get(1).covariates()[0],
                cells.get(1).covariates()[1], cells.get(1).covariates()[2]));
    }
}
