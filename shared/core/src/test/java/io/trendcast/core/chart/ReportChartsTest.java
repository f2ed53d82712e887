package io.trendcast.core.chart;

import io.trendcast.core.insight.TrendAnalysis;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast.Accuracy;
import io.trendcast.core.port.StoredForecast.Trend;
import io.trendcast.core.port.StoredForecast.Trend.Direction;
import io.trendcast.core.series.Frequency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportChartsTest {

    private static final int RISE = 0x2E7D32;
    private static final int FALL = 0xC62828;
    private static final int BAR = 0x1565C0;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static ForecastSummary summary(String item, double changePct, double mase) {
        Direction d = changePct > 0 ? Direction.RISING : changePct < 0 ? Direction.FALLING : Direction.FLAT;
        return new ForecastSummary("s1", SeriesKey.of(item, "north"), "run-1", "ets", Frequency.DAILY, Instant.EPOCH,
                new Accuracy(mase, 20), TrendAnalysis.of(new Trend(d, changePct)), List.of());
    }

    private static BufferedImage decode(byte[] png, String name) throws IOException {
        Path out = Path.of("target", "charts", name);
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The number of pixels of {@code rgb} in row {@code y}. */
    private static int count(BufferedImage image, int y, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                n++;
            }
        }
        return n;
    }

    @Test
    void topMoversDrawsRisingGreenAndFallingRedBarsInProportion() throws IOException {
        List<ForecastSummary> series = new ArrayList<>();
        series.add(summary("SKU-UP-BIG", 40, 0.8));
        series.add(summary("SKU-UP-SMALL", 10, 0.8));
        series.add(summary("SKU-DOWN", -20, 0.8));
        series.add(summary("SKU-NAN", Double.NaN, 0.8));
        BufferedImage image = decode(ReportCharts.topMovers("Top movers s1", series), "top-movers.png");
        assertEquals(900, image.getWidth());
        // rows of 22 pixels from y = 50, bars in the upper 16 pixels of each row, sorted by change
        int big = count(image, 50 + 8, RISE);
        int small = count(image, 50 + 22 + 8, RISE);
        int down = count(image, 50 + 44 + 8, FALL);
        assertTrue(big > 0 && small > 0 && down > 0, big + " " + small + " " + down);
        assertEquals(4.0, (double) big / small, 0.1);
        assertEquals(2.0, (double) big / down, 0.1);
        assertEquals(50 + 3 * 22 + 30, image.getHeight(), "three rows: the NaN change is left out");
    }

    @Test
    void accuracyHistogramCountsSeriesPerBin() throws IOException {
        List<ForecastSummary> series = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            series.add(summary("A" + i, 1, 0.6));
        }
        for (int i = 0; i < 3; i++) {
            series.add(summary("B" + i, 1, 1.1));
        }
        series.add(summary("C", 1, 7.5));
        series.add(summary("D", 1, Double.NaN));
        BufferedImage image = decode(ReportCharts.accuracy("Accuracy s1", series), "accuracy.png");
        int bottom = image.getHeight() - 50;
        int columns = 0;
        int previous = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int c = (image.getRGB(x, bottom - 2) & 0xFFFFFF) == BAR ? 1 : 0;
            if (c == 1 && previous == 0) {
                columns++;
            }
            previous = c;
        }
        assertEquals(3, columns, "bins 0.5-0.75, 1.0-1.25 and 3+");
        int fullHeight = 0;
        int x6 = 60 + 2 * ((900 - 60 - 30) / 13) + 10;
        for (int y = 0; y < image.getHeight(); y++) {
            if ((image.getRGB(x6, y) & 0xFFFFFF) == BAR) {
                fullHeight++;
            }
        }
        assertEquals(bottom - 80, fullHeight, "the fullest bin reaches the top of the plot");
    }

    @Test
    void theFontDrawsEveryCharacterItUses() {
        for (char c : "ABCXYZ0189 .,:-+_/%()=<>#?".toCharArray()) {
            assertTrue(PixelFont.has(c), "glyph " + c);
        }
    }
}
