package io.trendcast.core.exchange;

import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code series_id,date,value[,covariates…]} (FORMATS.md §3). Rows may come in any order; {@code date} is
 * an ISO date, an ISO date-time (taken as its day) or an integer period index, the same kind in the whole file.
 * Each series' frequency is inferred from its dates; periods absent from the file become {@code NaN}. Extra
 * numeric (or true/false) columns are covariates; a column whose first value is text is ignored with a warning.
 */
public final class ExchangeReader {

    private ExchangeReader() {
    }

    /**
     * Reads a plain or gzipped file.
     *
     * @throws ExchangeFormatException naming the line and reason of the first problem
     */
    public static ExchangeData read(Path path) {
        try (CsvReader csv = CsvReader.open(path)) {
            return read(csv);
        }
    }

    static ExchangeData read(CsvReader csv) {
        List<String> header = csv.next();
        if (header == null) {
            throw new ExchangeFormatException(csv.source(), 0, "the file is empty; expected a header "
                    + "series_id,date,value");
        }
        int idCol = column(header, "series_id", csv);
        int dateCol = column(header, "date", csv);
        int valueCol = column(header, "value", csv);
        List<Integer> extra = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != idCol && c != dateCol && c != valueCol) {
                extra.add(c);
            }
        }
        ColumnKinds kinds = new ColumnKinds(header, extra);
        Map<String, Rows> bySeries = new LinkedHashMap<>();
        Boolean periodIndex = null;
        List<String> rec;
        while ((rec = csv.next()) != null) {
            long line = csv.recordLine();
            if (rec.size() != header.size()) {
                throw new ExchangeFormatException(csv.source(), line, "expected " + header.size()
                        + " fields as in the header, found " + rec.size());
            }
            String id = rec.get(idCol).trim();
            if (id.isEmpty()) {
                throw new ExchangeFormatException(csv.source(), line, "series_id is empty");
            }
            String dateText = rec.get(dateCol).trim();
            boolean isIndex = isInteger(dateText);
            if (periodIndex == null) {
                periodIndex = isIndex;
            } else if (periodIndex != isIndex) {
                throw new ExchangeFormatException(csv.source(), line, "date '" + dateText + "' mixes "
                        + (periodIndex ? "a calendar date with period indexes" : "a period index with dates")
                        + " used earlier in the file");
            }
            long pos = isIndex ? Long.parseLong(dateText) : epochDay(dateText, csv.source(), line);
            double value = number(rec.get(valueCol), "value", csv.source(), line);
            double[] cov = kinds.parse(rec, csv.source(), line);
            bySeries.computeIfAbsent(id, k -> new Rows()).add(pos, value, cov, line);
        }
        List<String> warnings = new ArrayList<>(kinds.warnings());
        List<ExchangeSeries> out = new ArrayList<>(bySeries.size());
        for (Map.Entry<String, Rows> e : bySeries.entrySet()) {
            out.add(e.getValue().build(e.getKey(), Boolean.TRUE.equals(periodIndex), kinds.count(), csv.source(),
                    warnings));
        }
        return new ExchangeData(out, kinds.names(), warnings);
    }

    private static int column(List<String> header, String name, CsvReader csv) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).trim().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new ExchangeFormatException(csv.source(), 1, "required column '" + name + "' is missing; header is "
                + String.join(",", header));
    }

    static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length() || s.length() > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long epochDay(String text, String source, long line) {
        String day = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')
                ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(day).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new ExchangeFormatException(source, line, "date '" + text + "' is neither an ISO date "
                    + "(yyyy-MM-dd) nor an integer period index");
        }
    }

    static double number(String text, String column, String source, long line) {
        String s = text.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN") || s.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isInfinite(v)) {
                throw new ExchangeFormatException(source, line, column + " '" + text + "' is not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ExchangeFormatException(source, line, column + " '" + text + "' is not a number");
        }
    }

    /** Decides which extra columns are numeric covariates and parses them. */
    private static final class ColumnKinds {
        private final List<String> header;
        private final List<Integer> extra;
        private final int[] kind;
        private final List<String> warnings = new ArrayList<>();
        private static final int UNKNOWN = 0;
        private static final int NUMERIC = 1;
        private static final int IGNORED = 2;

        ColumnKinds(List<String> header, List<Integer> extra) {
            this.header = header;
            this.extra = extra;
            this.kind = new int[extra.size()];
        }

        double[] parse(List<String> rec, String source, long line) {
            double[] v = new double[extra.size()];
            for (int j = 0; j < v.length; j++) {
                String raw = rec.get(extra.get(j)).trim();
                if (kind[j] == IGNORED) {
                    continue;
                }
                Double b = bool(raw);
                if (b != null) {
                    v[j] = b;
                    kind[j] = NUMERIC;
                    continue;
                }
                if (kind[j] == UNKNOWN && !raw.isEmpty() && !isNumber(raw)) {
                    kind[j] = IGNORED;
                    warnings.add("column '" + name(j) + "' is not numeric (line " + line + ": '" + raw
                            + "'); it is ignored");
                    continue;
                }
                v[j] = number(raw, "column '" + name(j) + "'", source, line);
                if (!raw.isEmpty()) {
                    kind[j] = NUMERIC;
                }
            }
            return v;
        }

        private static Double bool(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "true" -> 1.0;
                case "false" -> 0.0;
                default -> null;
            };
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN");
            }
        }

        private String name(int j) {
            return header.get(extra.get(j)).trim();
        }

        int count() {
            return extra.size();
        }

        List<String> names() {
            List<String> n = new ArrayList<>();
            for (int j = 0; j < extra.size(); j++) {
                n.add(name(j));
            }
            return n;
        }

        List<String> warnings() {
            return warnings;
        }
    }

    /** The rows of one series, collected in file order. */
    private static final class Rows {
        private long[] pos = new long[16];
        private double[] val = new double[16];
        private double[][] cov = new double[16][];
        private long[] lines = new long[16];
        private int n;

        void add(long p, double v, double[] c, long line) {
            if (n == pos.length) {
                pos = Arrays.copyOf(pos, 2 * n);
                val = Arrays.copyOf(val, 2 * n);
                cov = Arrays.copyOf(cov, 2 * n);
                lines = Arrays.copyOf(lines, 2 * n);
            }
            pos[n] = p;
            val[n] = v;
            cov[n] = c;
            lines[n] = line;
            n++;
        }

        ExchangeSeries build(String id, boolean periodIndex, int nCov, String source, List<String> warnings) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(pos[a], pos[b]));
            Frequency freq;
            long[] sorted = new long[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = pos[order[i]];
            }
            if (periodIndex) {
                freq = Frequency.PERIOD;
            } else {
                try {
                    freq = Frequency.infer(distinct(sorted));
                } catch (IllegalArgumentException e) {
                    throw new ExchangeFormatException(source, lines[order[0]], "series '" + id + "': "
                            + e.getMessage());
                }
                normalise(sorted, freq);
            }
            for (int i = 1; i < n; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new ExchangeFormatException(source, lines[order[i]], "series '" + id + "' has period "
                            + freq.format(sorted[i]) + " twice (also on line " + lines[order[i - 1]] + ")");
                }
            }
            long start = sorted[0];
            long span = freq.between(start, sorted[n - 1]);
            if (span > 10_000_000) {
                throw new ExchangeFormatException(source, lines[order[n - 1]], "series '" + id + "' spans "
                        + span + " periods; dates look wrong");
            }
            int len = (int) span + 1;
            double[] y = new double[len];
            Arrays.fill(y, Double.NaN);
            double[][] c = new double[nCov][len];
            for (double[] row : c) {
                Arrays.fill(row, Double.NaN);
            }
            for (int i = 0; i < n; i++) {
                int k = order[i];
                long idx = freq.between(start, sorted[i]);
                if (freq.plus(start, idx) != sorted[i]) {
                    throw new ExchangeFormatException(source, lines[k], "series '" + id + "': date "
                            + LocalDate.ofEpochDay(sorted[i]) + " is off the " + freq.name().toLowerCase(Locale.ROOT)
                            + " grid that starts " + LocalDate.ofEpochDay(start));
                }
                y[(int) idx] = val[k];
                for (int j = 0; j < nCov; j++) {
                    c[j][(int) idx] = cov[k][j];
                }
            }
            if (len > n) {
                warnings.add("series '" + id + "' has " + (len - n) + " missing period(s) between "
                        + freq.format(start) + " and " + freq.format(sorted[n - 1]));
            }
            return new ExchangeSeries(new TimeSeries(id, freq, start, freq.defaultSeason(), y), c);
        }

        private static long[] distinct(long[] sorted) {
            return Arrays.stream(sorted).distinct().toArray();
        }

        /** Moves monthly, quarterly and yearly dates to the first day of their period. */
        private static void normalise(long[] days, Frequency freq) {
            for (int i = 0; i < days.length; i++) {
                LocalDate d = LocalDate.ofEpochDay(days[i]);
                days[i] = switch (freq) {
                    case MONTHLY -> d.withDayOfMonth(1).toEpochDay();
                    case QUARTERLY -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).toEpochDay();
                    case YEARLY -> LocalDate.of(d.getYear(), 1, 1).toEpochDay();
                    default -> days[i];
                };
            }
        }
    }
}
