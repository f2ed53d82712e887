package io.trendcast.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FestivalTest {

    /**
     * ICU's astronomical approximation puts two new moons that fall within minutes of Beijing midnight on the other
     * side of it: 2027 (new moon 2027-02-06 15:56 UTC = 23:56 Beijing, ICU says 7 Feb) and 2030 (2030-02-02 16:07 UTC
     * = 00:07 on 3 Feb Beijing, ICU says 2 Feb). The table keeps the officially published dates (6 Feb 2027,
     * 3 Feb 2030); for those two years the test checks that ICU is exactly one day off in that direction.
     */
    @Test
    void chineseNewYearTableMatchesIcuForEveryYear() {
        assertEquals(LocalDate.of(2027, 2, 6), ChineseNewYear.of(2027));
        assertEquals(LocalDate.of(2030, 2, 3), ChineseNewYear.of(2030));
        assertTrue(isLunarNewYear(LocalDate.of(2027, 2, 7)));
        assertTrue(isLunarNewYear(LocalDate.of(2030, 2, 2)));
        for (int year = ChineseNewYear.FIRST_YEAR; year <= ChineseNewYear.LAST_YEAR; year++) {
            if (year == 2027 || year == 2030) {
                continue;
            }
            LocalDate d = ChineseNewYear.of(year);
            GregorianCalendar g = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
            g.clear();
            g.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(), 12, 0);
            ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
            c.setTime(g.getTime());
            assertEquals(0, c.get(ChineseCalendar.MONTH), "lunar month of " + d);
            assertEquals(1, c.get(ChineseCalendar.DAY_OF_MONTH), "lunar day of " + d);
            assertEquals(0, c.get(ChineseCalendar.IS_LEAP_MONTH), "leap month flag of " + d);
        }
        assertNull(ChineseNewYear.of(1989));
        assertFalse(isLunarNewYear(LocalDate.of(2024, 2, 11)));
        assertNull(ChineseNewYear.of(2041));
    }

    private static boolean isLunarNewYear(LocalDate d) {
        GregorianCalendar g = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        g.clear();
        g.set(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(), 12, 0);
        ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        c.setTime(g.getTime());
        return c.get(ChineseCalendar.MONTH) == 0 && c.get(ChineseCalendar.DAY_OF_MONTH) == 1
                && c.get(ChineseCalendar.IS_LEAP_MONTH) == 0;
    }

    @Test
    void shoppingFestivalDatesFollowTheirRules() {
        assertEquals(LocalDate.of(2024, 11, 28), Festival.THANKSGIVING.dateIn(2024));
        assertEquals(LocalDate.of(2024, 11, 29), Festival.BLACK_FRIDAY.dateIn(2024));
        assertEquals(LocalDate.of(2024, 12, 2), Festival.CYBER_MONDAY.dateIn(2024));
        assertEquals(LocalDate.of(2011, 11, 25), Festival.BLACK_FRIDAY.dateIn(2011));
        assertEquals(LocalDate.of(2024, 11, 11), Festival.DOUBLE_11.dateIn(2024));
        assertEquals(LocalDate.of(2024, 6, 18), Festival.MID_YEAR_618.dateIn(2024));
        assertEquals(LocalDate.of(2012, 9, 3), Festival.LABOR_DAY.dateIn(2012));
        assertEquals(LocalDate.of(2012, 2, 5), Festival.SUPER_BOWL.dateIn(2012));
        assertEquals(LocalDate.of(2024, 3, 31), Festival.EASTER.dateIn(2024));
        assertEquals(LocalDate.of(2019, 4, 21), Festival.EASTER.dateIn(2019));
        assertEquals(LocalDate.of(2025, 1, 29), Festival.CHINESE_NEW_YEAR.dateIn(2025));
    }

    @Test
    void countryCalendarsHoldTheirFestivals() {
        assertTrue(HolidayCalendar.forCountry("cn").festivals().contains(Festival.DOUBLE_11));
        assertTrue(HolidayCalendar.forCountry("CN").festivals().contains(Festival.CHINESE_NEW_YEAR));
        assertTrue(HolidayCalendar.forCountry("US").festivals().contains(Festival.CYBER_MONDAY));
        assertFalse(HolidayCalendar.forCountry("US").festivals().contains(Festival.MID_YEAR_618));
        assertEquals(Festival.values().length, HolidayCalendar.forCountry("GLOBAL").festivals().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HolidayCalendar.forCountry("XX"));
        assertTrue(e.getMessage().contains("known: US"), e.getMessage());
    }

    @Test
    void weeksAndDistancesAroundFestivals() {
        // The week starting Friday 2012-11-23 holds Black Friday (23rd) and Cyber Monday (26th).
        LocalDate from = LocalDate.of(2012, 11, 23);
        assertTrue(HolidayCalendar.within(Festival.CYBER_MONDAY, from, from.plusDays(7)));
        assertFalse(HolidayCalendar.within(Festival.CHRISTMAS, from, from.plusDays(7)));
        assertTrue(HolidayCalendar.within(Festival.NEW_YEAR, LocalDate.of(2012, 12, 28), LocalDate.of(2013, 1, 4)));
        assertEquals(3, HolidayCalendar.daysToNearest(Festival.CHRISTMAS, LocalDate.of(2024, 12, 22), 14));
        assertEquals(-2, HolidayCalendar.daysToNearest(Festival.CHRISTMAS, LocalDate.of(2024, 12, 27), 14));
        assertEquals(15, HolidayCalendar.daysToNearest(Festival.CHRISTMAS, LocalDate.of(2024, 7, 1), 14));
    }
}
