package io.trendcast.core.features;

import java.time.LocalDate;

/**
 * The first day of the Chinese lunar year, tabulated for 1990–2040 (every entry is checked against ICU4J's
 * {@code ChineseCalendar} in the tests). Outside the table the festival is unknown and never matches.
 */
public final class ChineseNewYear {

    /** First year of the table. */
    public static final int FIRST_YEAR = 1990;
    /** Last year of the table. */
    public static final int LAST_YEAR = 2040;

    /** Month * 100 + day of the new year's day, from 1990 on. */
    private static final int[] MONTH_DAY = {
        127, 215, 204, 123, 210, 131, 219, 207, 128, 216, // 1990–1999
        205, 124, 212, 201, 122, 209, 129, 218, 207, 126, // 2000–2009
        214, 203, 123, 210, 131, 219, 208, 128, 216, 205, // 2010–2019
        125, 212, 201, 122, 210, 129, 217, 206, 126, 213, // 2020–2029
        203, 123, 211, 131, 219, 208, 128, 215, 204, 124, // 2030–2039
        212                                               // 2040
    };

    private ChineseNewYear() {
    }

    /** The new year's day of {@code year}, or null outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}. */
    public static LocalDate of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return null;
        }
        int md = MONTH_DAY[year - FIRST_YEAR];
        return LocalDate.of(year, md / 100, md % 100);
    }
}
