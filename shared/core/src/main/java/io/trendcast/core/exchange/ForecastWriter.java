package io.trendcast.core.exchange;

import io.trendcast.core.model.Forecast;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes forecasts as {@code series_id,method,step,mean,lo80,hi80,lo95,hi95,…,model} (FORMATS.md §3): one
 * {@code lo}/{@code hi} pair per requested level, in ascending order, then the specific model. Thread-safe:
 * {@link #write} may be called from several threads.
 */
public final class ForecastWriter implements AutoCloseable {

    private final BufferedWriter out;
    private final double[] levels;

    public ForecastWriter(Path path, double[] levels) {
        this.levels = Forecast.checkLevels(levels);
        try {
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder("series_id,method,step,mean");
            for (double l : this.levels) {
                h.append(",lo").append(levelName(l)).append(",hi").append(levelName(l));
            }
            out.write(h.append(",model\n").toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Appends the rows of one series' forecast by one method. */
    public synchronized void write(String seriesId, String method, Forecast f) {
        StringBuilder sb = new StringBuilder(128 * f.horizon());
        for (int t = 0; t < f.horizon(); t++) {
            sb.append(quote(seriesId)).append(',').append(method).append(',').append(t + 1).append(',')
                    .append(num(f.mean()[t]));
            for (double l : levels) {
                int k = f.levelIndex(l);
                sb.append(',').append(k < 0 ? "" : num(f.lower()[k][t]))
                        .append(',').append(k < 0 ? "" : num(f.upper()[k][t]));
            }
            sb.append(',').append(quote(f.model())).append('\n');
        }
        try {
            out.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String levelName(double level) {
        return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "NA";
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
