package io.trendcast.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureBuilderTest {

    private static final long START = LocalDate.of(2023, 1, 2).toEpochDay();

    private static SeriesInput input(Frequency f, int season, double[] y, int future) {
        int n = y.length + future;
        Random r = new Random(3);
        double[] price = new double[n];
        double[] promo = new double[n];
        for (int t = 0; t < n; t++) {
            price[t] = 10 + r.nextInt(3);
            promo[t] = r.nextInt(4) == 0 ? 1 : 0;
        }
        return new SeriesInput(new TimeSeries("a", f, START, season, y), List.of("price", "promo"),
                new double[][] {price, promo}, Map.of("store_size", 1500.0));
    }

    private static double[] noise(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 10 * Math.sin(t / 3.0) + r.nextGaussian() * 5;
        }
        return y;
    }

    /**
     * The leakage test: perturbing every target value from the cutoff on must not change any feature of a period up
     * to the cutoff (recursive spec: rows read the target only before their own period), nor, for the direct spec
     * with minLag h, any feature of the cutoff's next h periods.
     */
    @Test
    void futureTargetsNeverChangeFeaturesUpToTheCutoff() {
        for (Frequency f : new Frequency[] {Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY}) {
            int season = f.defaultSeason();
            for (int minLag : new int[] {1, 5, season + 3}) {
                FeatureSpec spec = FeatureSpec.defaults(f, season, minLag, HolidayCalendar.forCountry("GLOBAL"),
                        List.of("price", "promo"), List.of("store_size"));
                FeatureBuilder b = new FeatureBuilder(spec, f);
                double[] y = noise(200, 1);
                SeriesInput in = input(f, season, y, 0);
                for (int cutoff : new int[] {0, 1, 60, 150, 199}) {
                    double[] perturbed = y.clone();
                    Random r = new Random(cutoff);
                    for (int t = cutoff; t < y.length; t++) {
                        perturbed[t] = r.nextGaussian() * 1e6;
                    }
                    double[] a = new double[b.width()];
                    double[] c = new double[b.width()];
                    for (int t = 0; t < Math.min(y.length, cutoff + minLag); t++) {
                        b.row(in, y, t, a);
                        b.row(in, perturbed, t, c);
                        assertArrayEquals(a, c, 0.0, f + " minLag " + minLag + ": row " + t + " changed when targets"
                                + " from " + cutoff + " on changed");
                    }
                    // And the test can fail: the first period within reach of a lag does change.
                    if (cutoff + minLag < y.length) {
                        b.row(in, y, cutoff + minLag, a);
                        b.row(in, perturbed, cutoff + minLag, c);
                        boolean differs = false;
                        for (int j = 0; j < a.length; j++) {
                            differs |= Double.compare(a[j], c[j]) != 0;
                        }
                        assertTrue(differs, f + " row " + (cutoff + minLag) + " must read target " + cutoff);
                    }
                }
            }
        }
    }

    @Test
    void futureRowsAreComputableFromKnownInputsOnly() {
        FeatureSpec spec = FeatureSpec.defaults(Frequency.WEEKLY, 52, 1, HolidayCalendar.forCountry("US"),
                List.of("price", "promo"), List.of("store_size"));
        FeatureBuilder b = new FeatureBuilder(spec, Frequency.WEEKLY);
        double[] y = noise(120, 2);
        SeriesInput in = input(Frequency.WEEKLY, 52, y, 10);
        double[] buf = java.util.Arrays.copyOf(y, 130);
        java.util.Arrays.fill(buf, 120, 130, Double.NaN);
        double[] row = new double[b.width()];
        b.row(in, buf, 125, row);
        List<String> names = b.names();
        assertTrue(Double.isNaN(row[names.indexOf("lag_1")]), "lag 1 of a future period is unknown");
        assertEquals(y[125 - 52], row[names.indexOf("lag_52")], 0.0);
        assertEquals(in.covariate("price", 125), row[names.indexOf("x_price")], 0.0);
        assertEquals(in.covariate("promo", 125), row[names.indexOf("x_promo")], 0.0);
        assertEquals(1500.0, row[names.indexOf("attr_store_size")], 0.0);
        LocalDate day = LocalDate.ofEpochDay(in.series().positionAt(125));
        assertEquals(day.getMonthValue(), row[names.indexOf("month")], 0.0);
        assertEquals(day.lengthOfMonth() - day.getDayOfMonth(), row[names.indexOf("days_to_month_end")], 0.0);
    }

    @Test
    void priceFeaturesCompareWithTheRecentPrice() {
        FeatureSpec spec = new FeatureSpec(new int[] {1}, new int[] {2}, 1, false, HolidayCalendar.of(
                java.util.EnumSet.noneOf(Festival.class)), "price", 2, List.of("price"), List.of());
        FeatureBuilder b = new FeatureBuilder(spec, Frequency.DAILY);
        SeriesInput in = new SeriesInput(new TimeSeries("p", Frequency.DAILY, START, 7, new double[] {1, 2, 3, 4}),
                List.of("price"), new double[][] {{10, 10, 12, 9}}, Map.of());
        double[] row = new double[b.width()];
        b.row(in, in.series().values(), 3, row);
        assertEquals(List.of("lag_1", "mean_2", "sd_2", "x_price", "price_vs_recent", "price_change"), b.names());
        assertArrayEquals(new double[] {3, 2.5, Math.sqrt(0.5), 9, 9 / 11.0, 9 / 12.0 - 1}, row, 1e-12);
    }

    @Test
    void weeklyRowsFlagFestivalsInTheWeekAndTheNext() {
        FeatureSpec spec = FeatureSpec.defaults(Frequency.WEEKLY, 52, 1, HolidayCalendar.forCountry("US"),
                List.of(), List.of());
        FeatureBuilder b = new FeatureBuilder(spec, Frequency.WEEKLY);
        long friday = LocalDate.of(2012, 11, 16).toEpochDay();
        SeriesInput in = SeriesInput.of(new TimeSeries("w", Frequency.WEEKLY, friday, 52, new double[] {1, 2, 3}));
        double[] row = new double[b.width()];
        b.row(in, in.series().values(), 0, row);
        assertEquals(1, row[b.names().indexOf("fest_thanksgiving")], 0.0);
        assertEquals(0, row[b.names().indexOf("fest_black_friday")], 0.0);
        assertEquals(1, row[b.names().indexOf("fest_black_friday_next")], 0.0);
        assertEquals(1, row[b.names().indexOf("fest_cyber_monday_next")], 0.0);
    }

    @Test
    void specRejectsLagsThatWouldReadTheirOwnTarget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeatureSpec(
                new int[] {0}, new int[] {4}, 1, false, HolidayCalendar.forCountry("US"), "price", 4, List.of(),
                List.of()));
        assertTrue(e.getMessage().contains("lag 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureSpec(new int[] {3}, new int[] {4}, 0, false,
                HolidayCalendar.forCountry("US"), "price", 4, List.of(), List.of()));
    }
}
