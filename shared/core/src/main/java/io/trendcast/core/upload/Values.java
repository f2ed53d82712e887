package io.trendcast.core.upload;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the values of an upload row. Each method returns the value or throws {@link Invalid} with the reason the
 * report shows. Dates are read by hand in the common {@code yyyy-MM-dd} case: it is the hot path of a large file.
 */
final class Values {

    /** A value that cannot be used, with the reason written in the report. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private final int earliestDay;
    private final int latestDay;

    /** Values whose dates must lie within {@code [earliestDay, latestDay]} (epoch days). */
    Values(int earliestDay, int latestDay) {
        this.earliestDay = earliestDay;
        this.latestDay = latestDay;
    }

    /** The epoch day of an ISO date, or of the date part of an ISO date-time (no zone conversion). */
    int day(String raw) throws Invalid {
        String s = raw.trim();
        if (s.isEmpty()) {
            throw new Invalid("empty date");
        }
        LocalDate date = s.length() == 10 ? isoDate(s) : dateOfDateTime(s);
        long day = date.toEpochDay();
        if (day < earliestDay) {
            throw new Invalid("date before " + LocalDate.ofEpochDay(earliestDay));
        }
        if (day > latestDay) {
            throw new Invalid("date after " + LocalDate.ofEpochDay(latestDay) + " (too far in the future)");
        }
        return (int) day;
    }

    private static LocalDate isoDate(String s) throws Invalid {
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw notADate();
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Invalid("no such date");
        }
    }

    private static int digits(String s, int from, int to) throws Invalid {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw notADate();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static LocalDate dateOfDateTime(String s) throws Invalid {
        if (s.length() < 11 || (s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
            throw notADate();
        }
        LocalDate date = isoDate(s.substring(0, 10));
        String iso = s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            LocalDateTime.parse(iso);
            return date;
        } catch (DateTimeParseException local) {
            try {
                OffsetDateTime.parse(iso);
                return date;
            } catch (DateTimeParseException offset) {
                throw notADate();
            }
        }
    }

    private static Invalid notADate() {
        return new Invalid("not a date (expected yyyy-MM-dd or an ISO date-time)");
    }

    /** A finite number; {@code NaN}, infinities and values beyond the double range are refused. */
    static double number(String raw) throws Invalid {
        String s = raw.trim();
        if (s.isEmpty()) {
            throw new Invalid("empty value");
        }
        char last = s.charAt(s.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || s.indexOf('x') >= 0 || s.indexOf('X') >= 0) {
            throw new Invalid("not a number");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new Invalid("not a number");
        }
        if (!Double.isFinite(v)) {
            throw new Invalid("not a finite number");
        }
        return v;
    }

    /** A number, or {@code NaN} when the field is empty (an optional column). */
    static double optionalNumber(String raw) throws Invalid {
        return raw.isBlank() ? Double.NaN : number(raw);
    }

    /** 0 or 1 from {@code 0/1}, {@code true/false}, {@code yes/no}; {@code NaN} when empty. */
    static double promo(String raw) throws Invalid {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "" -> Double.NaN;
            case "1", "true", "yes", "y" -> 1;
            case "0", "false", "no", "n" -> 0;
            default -> throw new Invalid("not a promo flag (expected 0/1, true/false or yes/no)");
        };
    }
}
