package io.trendcast.core.chart;

import io.trendcast.core.port.ForecastSummary;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The two PNG charts of an upload report.
 * <ul>
 *   <li>{@link #topMovers}: horizontal bars of the forecast change (percent against recent history) of the
 *       {@value #MOVERS} most rising and {@value #MOVERS} most falling series, green up, red down, labelled with
 *       item, store and change.
 *   <li>{@link #accuracy}: a histogram of the backtest MASE over the series (bins of 0.25 up to 3, then "3+"),
 *       the median MASE and WAPE in the title, and a mark at MASE 1 (as good as the in-sample naive benchmark).
 * </ul>
 */
public final class ReportCharts {

    /** Series shown on each side of the top-movers chart. */
    public static final int MOVERS = 10;
    private static final int WIDTH = 900;
    private static final int SCALE = 2;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color RISE = new Color(0x2E, 0x7D, 0x32);
    private static final Color FALL = new Color(0xC6, 0x28, 0x28);
    private static final Color BAR = new Color(0x15, 0x65, 0xC0);
    private static final int BINS = 13;

    private ReportCharts() {
    }

    /** The top-movers chart of {@code series} (those with a finite change). */
    public static byte[] topMovers(String title, List<ForecastSummary> series) {
        List<ForecastSummary> finite = new ArrayList<>();
        for (ForecastSummary s : series) {
            if (Double.isFinite(s.trend().changePct())) {
                finite.add(s);
            }
        }
        finite.sort(Comparator.comparingDouble((ForecastSummary s) -> s.trend().changePct()).reversed());
        List<ForecastSummary> shown = new ArrayList<>();
        for (int i = 0; i < finite.size() && i < MOVERS && finite.get(i).trend().changePct() > 0; i++) {
            shown.add(finite.get(i));
        }
        List<ForecastSummary> falling = new ArrayList<>();
        for (int i = finite.size() - 1; i >= 0 && falling.size() < MOVERS; i--) {
            if (finite.get(i).trend().changePct() < 0 && !shown.contains(finite.get(i))) {
                falling.add(0, finite.get(i));
            }
        }
        shown.addAll(falling);
        int rowHeight = 22;
        int top = 50;
        int height = top + Math.max(1, shown.size()) * rowHeight + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        int labelWidth = 300;
        int zero = labelWidth + (WIDTH - labelWidth - 40) / 2;
        double max = 1;
        for (ForecastSummary s : shown) {
            max = Math.max(max, Math.abs(s.trend().changePct()));
        }
        double perPct = (WIDTH - labelWidth - 140) / 2.0 / max;
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(zero, top - 5, zero, height - 25);
        if (shown.isEmpty()) {
            g.setColor(INK);
            PixelFont.draw(g, "no series with a forecast change", 20, top, SCALE);
        }
        for (int i = 0; i < shown.size(); i++) {
            ForecastSummary s = shown.get(i);
            double change = s.trend().changePct();
            int y = top + i * rowHeight;
            g.setColor(INK);
            PixelFont.draw(g, clip(label(s), labelWidth / (PixelFont.ADVANCE * SCALE) - 1), 10, y + 3, SCALE);
            int length = (int) Math.round(Math.abs(change) * perPct);
            g.setColor(change >= 0 ? RISE : FALL);
            int x = change >= 0 ? zero : zero - length;
            g.fillRect(x, y, Math.max(1, length), rowHeight - 6);
            g.setColor(INK);
            String value = String.format(Locale.ROOT, "%+.1f%%", change);
            int tx = change >= 0 ? zero + length + 6 : zero - length - 6 - PixelFont.width(value, SCALE);
            PixelFont.draw(g, value, tx, y + 3, SCALE);
        }
        g.dispose();
        return png(image);
    }

    /** The accuracy histogram of {@code series} (those with a finite MASE). */
    public static byte[] accuracy(String title, List<ForecastSummary> series) {
        int[] counts = new int[BINS];
        List<Double> mase = new ArrayList<>();
        List<Double> wape = new ArrayList<>();
        for (ForecastSummary s : series) {
            double m = s.accuracy().mase();
            if (Double.isFinite(m)) {
                counts[Math.min(BINS - 1, (int) Math.floor(m / 0.25))]++;
                mase.add(m);
            }
            if (Double.isFinite(s.accuracy().wape())) {
                wape.add(s.accuracy().wape());
            }
        }
        int height = 420;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        g.setColor(INK);
        PixelFont.draw(g, String.format(Locale.ROOT, "%d series  median MASE %s  median WAPE %s", mase.size(),
                format(median(mase), "%.2f"), format(median(wape), "%.1f%%")), 20, 44, SCALE);
        int left = 60;
        int bottom = height - 50;
        int plotTop = 80;
        int binWidth = (WIDTH - left - 30) / BINS;
        int highest = 1;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        for (int b = 0; b < BINS; b++) {
            int h = (int) Math.round((double) counts[b] / highest * (bottom - plotTop));
            g.setColor(BAR);
            g.fillRect(left + b * binWidth + 2, bottom - h, binWidth - 4, h);
            g.setColor(INK);
            if (counts[b] > 0) {
                String c = Integer.toString(counts[b]);
                PixelFont.draw(g, c, left + b * binWidth + (binWidth - PixelFont.width(c, SCALE)) / 2,
                        bottom - h - 18, SCALE);
            }
            String edge = b == BINS - 1 ? "3+" : String.format(Locale.ROOT, "%.2f", b * 0.25);
            PixelFont.draw(g, edge, left + b * binWidth, bottom + 8, 1);
        }
        g.setColor(FALL);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        int one = left + 4 * binWidth;
        g.drawLine(one, plotTop - 10, one, bottom);
        PixelFont.draw(g, "MASE 1 = NAIVE", one + 6, plotTop - 10, 1);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, WIDTH - 30, bottom);
        PixelFont.draw(g, "backtest MASE", WIDTH / 2 - 60, bottom + 24, SCALE);
        g.dispose();
        return png(image);
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(INK);
        PixelFont.draw(g, clip(title, (image.getWidth() - 40) / (PixelFont.ADVANCE * 3)), 20, 12, 3);
        return g;
    }

    private static String label(ForecastSummary s) {
        return s.series().store() == null ? s.series().item() : s.series().item() + " / " + s.series().store();
    }

    private static String clip(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, Math.max(0, chars - 2)) + "..";
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
    }

    private static String format(double v, String pattern) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : "n/a";
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
