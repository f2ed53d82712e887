package io.trendcast.local.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar on standard error, drawn only when a terminal is attached. */
final class ProgressBar {

    private final PrintStream out;
    private final int total;
    private final String label;
    private final boolean enabled;
    private final AtomicInteger done = new AtomicInteger();
    private final long started = System.nanoTime();
    private volatile long lastDraw;

    ProgressBar(PrintStream out, int total, String label, boolean enabled) {
        this.out = out;
        this.total = total;
        this.label = label;
        this.enabled = enabled && total > 0;
    }

    /** Whether standard streams are connected to a terminal. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    void step() {
        int d = done.incrementAndGet();
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (d == total || now - lastDraw > 100_000_000L) {
            lastDraw = now;
            draw(d, now);
        }
    }

    private synchronized void draw(int d, long now) {
        int width = 30;
        int filled = (int) ((long) width * d / total);
        double secs = (now - started) / 1e9;
        double eta = d > 0 ? secs * (total - d) / d : 0;
        out.printf("\r%s [%s%s] %d/%d  %.0fs elapsed, %.0fs left ", label, "#".repeat(filled),
                " ".repeat(width - filled), d, total, secs, eta);
        if (d == total) {
            out.println();
        }
        out.flush();
    }
}
