package io.trendcast.core.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Shopping festivals and holidays that move retail sales, with their date in any year: fixed dates (Valentine's
 * Day, Singles' Day 11.11, Halloween, Christmas Eve and Day, New Year's Eve), US rules (Mother's Day: second Sunday
 * of May; Black Friday: the day after the fourth Thursday of November; Cyber Monday: three days later) and Easter
 * Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
public final class FestivalCalendar {

    /** A named festival and its date in a given year. */
    public record Festival(String name, IntFunction<LocalDate> dateIn) {
    }

    /** The festivals known to the calendar. */
    public static final List<Festival> FESTIVALS = List.of(
            new Festival("Valentine's Day", y -> LocalDate.of(y, 2, 14)),
            new Festival("Easter", FestivalCalendar::easter),
            new Festival("Mother's Day", y -> LocalDate.of(y, 5, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY))),
            new Festival("Halloween", y -> LocalDate.of(y, 10, 31)),
            new Festival("Singles' Day", y -> LocalDate.of(y, 11, 11)),
            new Festival("Black Friday", FestivalCalendar::blackFriday),
            new Festival("Cyber Monday", y -> blackFriday(y).plusDays(3)),
            new Festival("Christmas Eve", y -> LocalDate.of(y, 12, 24)),
            new Festival("Christmas Day", y -> LocalDate.of(y, 12, 25)),
            new Festival("New Year's Eve", y -> LocalDate.of(y, 12, 31)));

    private FestivalCalendar() {
    }

    /** The dates of {@code festival} from {@code from} to {@code to}, both included. */
    public static List<LocalDate> between(Festival festival, LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            LocalDate d = festival.dateIn().apply(y);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The first date of {@code festival} after {@code after}. */
    public static LocalDate next(Festival festival, LocalDate after) {
        for (int y = after.getYear(); ; y++) {
            LocalDate d = festival.dateIn().apply(y);
            if (d.isAfter(after)) {
                return d;
            }
        }
    }

    /** Black Friday: the day after the fourth Thursday of November. */
    static LocalDate blackFriday(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
    }

    /** Easter Sunday (Gregorian), by the anonymous algorithm published by Meeus (1991). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
