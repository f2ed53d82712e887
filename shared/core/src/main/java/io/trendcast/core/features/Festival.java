package io.trendcast.core.features;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Holidays and shopping festivals that move retail demand, each with its date rule. */
public enum Festival {
    NEW_YEAR,
    CHINESE_NEW_YEAR,
    /** US: first Sunday of February (the game moved there in 2004). */
    SUPER_BOWL,
    EASTER,
    /** JD.com's mid-year sale, 18 June. */
    MID_YEAR_618,
    /** US Labor Day: first Monday of September. */
    LABOR_DAY,
    /** Alibaba's Singles' Day, 11 November ("Double 11"). */
    DOUBLE_11,
    /** US Thanksgiving: fourth Thursday of November. */
    THANKSGIVING,
    /** The day after US Thanksgiving. */
    BLACK_FRIDAY,
    /** The Monday after US Thanksgiving. */
    CYBER_MONDAY,
    CHRISTMAS,
    /** 26 December, a shopping day in the UK, Canada and Australia. */
    BOXING_DAY;

    /** The festival's date in {@code year}, or null when it is not known for that year. */
    public LocalDate dateIn(int year) {
        return switch (this) {
            case NEW_YEAR -> LocalDate.of(year, 1, 1);
            case CHINESE_NEW_YEAR -> ChineseNewYear.of(year);
            case SUPER_BOWL -> LocalDate.of(year, 2, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY));
            case EASTER -> easter(year);
            case MID_YEAR_618 -> LocalDate.of(year, 6, 18);
            case LABOR_DAY -> LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
            case DOUBLE_11 -> LocalDate.of(year, 11, 11);
            case THANKSGIVING -> thanksgiving(year);
            case BLACK_FRIDAY -> thanksgiving(year).plusDays(1);
            case CYBER_MONDAY -> thanksgiving(year).plusDays(4);
            case CHRISTMAS -> LocalDate.of(year, 12, 25);
            case BOXING_DAY -> LocalDate.of(year, 12, 26);
        };
    }

    private static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    /** Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
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
