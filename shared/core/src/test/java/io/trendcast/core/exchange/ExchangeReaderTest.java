package io.trendcast.core.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsRowsInAnyOrderAsPeriodIndexedSeries() throws IOException {
        ExchangeData d = ExchangeReader.read(file("a.csv", "series_id,date,value\nb,2,20\na,3,3\na,1,1\nb,1,10\na,2,2\n"));
        assertEquals(2, d.series().size());
        TimeSeries b = d.series().get(0).series();
        assertEquals("b", b.id());
        assertEquals(Frequency.PERIOD, b.frequency());
        assertArrayEquals(new double[] {10, 20}, b.values());
        assertArrayEquals(new double[] {1, 2, 3}, d.series().get(1).series().values());
        assertEquals(1, d.series().get(1).series().start());
    }

    @Test
    void readsGzipDetectedFromContentAndInfersMonthlyFrequency() throws IOException {
        Path p = dir.resolve("m.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("series_id,date,value\nx,2024-03-31,3\nx,2024-01-31,1\nx,2024-02-29,2\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        TimeSeries x = ExchangeReader.read(p).series().get(0).series();
        assertEquals(Frequency.MONTHLY, x.frequency());
        assertEquals(LocalDate.of(2024, 1, 1).toEpochDay(), x.start());
        assertArrayEquals(new double[] {1, 2, 3}, x.values());
        assertEquals(12, x.season());
    }

    @Test
    void missingPeriodsBecomeNaNWithAWarning() throws IOException {
        ExchangeData d = ExchangeReader.read(file("g.csv",
                "series_id,date,value\ns,2024-01-01,1\ns,2024-01-02,2\ns,2024-01-05,5\n"));
        double[] v = d.series().get(0).series().values();
        assertEquals(5, v.length);
        assertTrue(Double.isNaN(v[2]) && Double.isNaN(v[3]));
        assertTrue(d.warnings().get(0).contains("2 missing"), d.warnings().toString());
    }

    @Test
    void numericAndBooleanExtraColumnsAreCovariatesTextColumnsAreIgnored() throws IOException {
        ExchangeData d = ExchangeReader.read(file("c.csv",
                "series_id,date,value,price,is_holiday,brand\ns,1,5,2.5,TRUE,acme\ns,2,6,2.0,FALSE,acme\n"));
        assertEquals(java.util.List.of("price", "is_holiday", "brand"), d.covariateNames());
        double[][] c = d.series().get(0).covariates();
        assertArrayEquals(new double[] {2.5, 2.0}, c[0]);
        assertArrayEquals(new double[] {1, 0}, c[1]);
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("'brand'") && w.contains("ignored")));
    }

    @Test
    void quotedFieldsBomAndCrlfAreHandled() throws IOException {
        ExchangeData d = ExchangeReader.read(file("q.csv",
                "\uFEFFseries_id,date,value\r\n\"a,\"\"1\"\"\",1,7\r\n"));
        assertEquals("a,\"1\"", d.series().get(0).series().id());
        assertEquals(7, d.series().get(0).series().at(0));
    }

    @Test
    void badValueNamesFileLineAndReason() throws IOException {
        ExchangeFormatException e = assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("bad.csv", "series_id,date,value\na,1,1\na,2,abc\n")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("'abc' is not a number"),
                e.getMessage());
    }

    @Test
    void duplicateDateIsAnErrorNamingBothLines() throws IOException {
        ExchangeFormatException e = assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("dup.csv", "series_id,date,value\na,1,1\na,2,2\na,1,3\n")));
        assertTrue(e.getMessage().contains("twice") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void missingColumnWrongFieldCountMixedDatesAndOpenQuoteAreErrors() throws IOException {
        assertTrue(assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("h.csv", "id,date,value\na,1,1\n"))).getMessage().contains("'series_id' is missing"));
        assertEquals(2, assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("f.csv", "series_id,date,value\na,1\n"))).line());
        assertEquals(3, assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("m.csv", "series_id,date,value\na,1,1\na,2024-01-01,1\n"))).line());
        assertEquals(2, assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("o.csv", "series_id,date,value\n\"a,1,1\n"))).line());
        assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(file("e.csv", "")));
        assertTrue(assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("inf.csv", "series_id,date,value\na,1,1e309\n"))).getMessage().contains("finite"));
    }

    @Test
    void datesOffTheWeeklyGridAreRejected() throws IOException {
        ExchangeFormatException e = assertThrows(ExchangeFormatException.class, () -> ExchangeReader.read(
                file("w.csv", "series_id,date,value\na,2024-01-01,1\na,2024-01-08,1\na,2024-01-17,1\n")));
        assertTrue(e.getMessage().contains("off the weekly grid"), e.getMessage());
    }

    @Test
    void metaFileIsReadAndValidated() throws IOException {
        assertEquals(new SeriesMeta(12, 18), SeriesMeta.read(file("meta.csv",
                "series_id,season,horizon,period\nN1,12,18,MONTHLY\n")).get("N1"));
        assertEquals(2, assertThrows(ExchangeFormatException.class, () -> SeriesMeta.read(file("bm.csv",
                "series_id,season,horizon\nN1,0,6\n"))).line());
    }
}
