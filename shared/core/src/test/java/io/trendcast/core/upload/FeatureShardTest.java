package io.trendcast.core.upload;

import io.trendcast.core.series.Frequency;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import static io.trendcast.core.upload.UploadFiles.cell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureShardTest {

    private static long day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    @Test
    void writesMissingDaysExplicitlyUpToTheDatasetEndAndReadsSeriesBack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DateGrid grid = new DateGrid(Frequency.DAILY, day("2024-01-01"));
        try (FeatureShard.Writer w = new FeatureShard.Writer(out, List.of(), grid, day("2024-01-05"))) {
            w.write(List.of(cell("a", "s1", "2024-01-02", 3), cell("a", "s1", "2024-01-04", 4)));
            w.write(List.of(cell("b, \"quoted\"", null, "2024-01-05", 1)));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("""
                series_key,item,store,date,quantity,price,promo,on_hand
                a/s1,a,s1,2024-01-02,3,,,
                a/s1,a,s1,2024-01-03,,,,
                a/s1,a,s1,2024-01-04,4,,,
                a/s1,a,s1,2024-01-05,,,,
                b%2C+%22quoted%22,"b, ""quoted""\",,2024-01-05,1,,,
                """, text);
        try (FeatureShard.Reader r = new FeatureShard.Reader(new ByteArrayInputStream(out.toByteArray()), "t")) {
            FeatureShard.Series a = r.next();
            assertEquals("a", a.key().item());
            assertEquals(4, a.epochDays().length);
            assertTrue(Double.isNaN(a.quantity()[1]));
            assertEquals("b, \"quoted\"", r.next().key().item());
            assertNull(r.next());
        }
    }

    @Test
    void weeklyGridCombinesTheDaysOfAWeek() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DateGrid grid = new DateGrid(Frequency.WEEKLY, day("2024-01-01"));
        try (FeatureShard.Writer w = new FeatureShard.Writer(out, List.of(), grid, day("2024-01-15"))) {
            w.write(List.of(cell("a", null, "2024-01-01", 3), cell("a", null, "2024-01-03", 4)));
        }
        try (FeatureShard.Reader r = new FeatureShard.Reader(new ByteArrayInputStream(out.toByteArray()), "t")) {
            FeatureShard.Series a = r.next();
            assertArrayEquals(new int[]{(int) day("2024-01-01"), (int) day("2024-01-08"), (int) day("2024-01-15")},
                    a.epochDays());
            assertEquals(7, a.quantity()[0]);
            assertTrue(Double.isNaN(a.quantity()[2]));
        }
    }

    @Test
    void monthlyGridUsesFirstDaysOfMonths() {
        DateGrid grid = new DateGrid(Frequency.MONTHLY, day("2024-01-31"));
        assertEquals(1, grid.period(day("2024-02-29")));
        assertEquals(day("2024-03-01"), grid.day(2));
    }

    @Test
    void cadenceInfersFrequencyAndDefaultHorizon() {
        BitSet weekly = new BitSet();
        for (int w = 0; w < 10; w++) {
            weekly.set((int) day("2024-01-01") + 7 * w);
        }
        Cadence cadence = Cadence.defaults();
        assertEquals(new Cadence.Inferred(Frequency.WEEKLY, 13, null), cadence.infer(weekly, false));
        BitSet monthly = new BitSet();
        monthly.set((int) day("2024-01-01"));
        monthly.set((int) day("2024-02-01"));
        monthly.set((int) day("2024-03-01"));
        assertEquals(12, cadence.infer(monthly, false).horizon());
        assertEquals(Frequency.WEEKLY, cadence.infer(monthly, true).frequency(), "a week_start column says weekly");
        BitSet daily = new BitSet();
        daily.set(100, 200);
        assertEquals(new Cadence.Inferred(Frequency.DAILY, 14, null),
                cadence.withHorizon(Frequency.DAILY, 14).infer(daily, false));
        assertTrue(cadence.infer(new BitSet(), false).warning().contains("daily assumed"));
    }
}
