package io.trendcast.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ForecastCommandTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        return new CommandLine(new TrendcastCommand()).execute(args);
    }

    private static Path sample() {
        Path p = Path.of("../../events/samples/monthly-sales.csv");
        assertTrue(Files.exists(p), "sample file at " + p.toAbsolutePath());
        return p;
    }

    @Test
    void forecastsEverySeriesWithEveryMethodInTheScorerFormat() throws IOException {
        Path out = dir.resolve("f.csv");
        Path timings = dir.resolve("t.csv");
        int code = run("forecast", "--input", sample().toString(), "--horizon", "12", "--methods", "snaive,auto",
                "--out", out.toString(), "--timings", timings.toString(), "--threads", "2");
        assertEquals(0, code);
        List<String> rows = Files.readAllLines(out);
        assertEquals("series_id,method,step,mean,lo80,hi80,lo95,hi95,model", rows.get(0));
        assertEquals(1 + 3 * 2 * 12, rows.size(), "3 series × 2 methods × 12 steps");
        assertEquals(12, rows.stream().filter(r -> r.startsWith("N1402,auto,")).count());
        List<String> t = Files.readAllLines(timings);
        assertEquals("method,series,seconds", t.get(0));
        assertEquals(1 + 3 * 2, t.size());
    }

    @Test
    void metaFileGivesSeasonAndHorizonPerSeries() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "series_id,date,value\na,1,1\na,2,2\na,3,3\na,4,4\nb,1,5\nb,2,6\nb,3,7\n");
        Path meta = dir.resolve("meta.csv");
        Files.writeString(meta, "series_id,season,horizon\na,1,2\nb,1,5\n");
        Path out = dir.resolve("f.csv");
        assertEquals(0, run("forecast", "--input", in.toString(), "--meta", meta.toString(), "--methods", "naive",
                "--out", out.toString()));
        List<String> rows = Files.readAllLines(out);
        assertEquals(2, rows.stream().filter(r -> r.startsWith("a,")).count());
        assertEquals(5, rows.stream().filter(r -> r.startsWith("b,")).count());
    }

    @Test
    void anUnreadableLineStopsTheRunNamingTheLine() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "series_id,date,value\na,1,1\na,2,two\n");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = run("forecast", "--input", in.toString(), "--horizon", "3", "--out", dir.resolve("o.csv").toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.csv:3: value 'two' is not a number"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownMethodAndMissingHorizonAreUsageErrors() {
        assertEquals(2, run("forecast", "--input", sample().toString(), "--horizon", "3", "--methods", "prophet",
                "--out", dir.resolve("o.csv").toString()));
        assertEquals(2, run("forecast", "--input", sample().toString(), "--out", dir.resolve("o.csv").toString()));
    }
}
