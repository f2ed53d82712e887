package io.trendcast.core.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The festivals that matter to one market. Immutable; {@link #forCountry} gives the defaults of a country and
 * {@link #of} any selection.
 */
public final class HolidayCalendar {

    private final List<Festival> festivals;

    private HolidayCalendar(Set<Festival> festivals) {
        this.festivals = List.copyOf(festivals);
    }

    /** A calendar with exactly these festivals. */
    public static HolidayCalendar of(Set<Festival> festivals) {
        return new HolidayCalendar(festivals.isEmpty() ? EnumSet.noneOf(Festival.class) : EnumSet.copyOf(festivals));
    }

    /**
     * The festivals of an ISO country code: {@code US}, {@code CA}, {@code GB}, {@code AU}, {@code CN}, {@code HK},
     * {@code SG}, {@code TW}; {@code GLOBAL} (or {@code *}) holds every festival.
     *
     * @throws IllegalArgumentException for an unknown code, naming the known ones
     */
    public static HolidayCalendar forCountry(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "US" -> of(EnumSet.of(Festival.NEW_YEAR, Festival.SUPER_BOWL, Festival.EASTER, Festival.LABOR_DAY,
                    Festival.THANKSGIVING, Festival.BLACK_FRIDAY, Festival.CYBER_MONDAY, Festival.CHRISTMAS));
            case "CA", "GB", "AU" -> of(EnumSet.of(Festival.NEW_YEAR, Festival.EASTER, Festival.BLACK_FRIDAY,
                    Festival.CYBER_MONDAY, Festival.CHRISTMAS, Festival.BOXING_DAY));
            case "CN", "HK", "SG", "TW" -> of(EnumSet.of(Festival.NEW_YEAR, Festival.CHINESE_NEW_YEAR,
                    Festival.MID_YEAR_618, Festival.DOUBLE_11, Festival.BLACK_FRIDAY, Festival.CHRISTMAS));
            case "GLOBAL", "*" -> of(EnumSet.allOf(Festival.class));
            default -> throw new IllegalArgumentException("unknown country '" + code
                    + "'; known: US, CA, GB, AU, CN, HK, SG, TW, GLOBAL");
        };
    }

    /** The festivals, in declaration order. */
    public List<Festival> festivals() {
        return festivals;
    }

    /** Whether {@code f} falls on a day in {@code [from, toExclusive)}. */
    public static boolean within(Festival f, LocalDate from, LocalDate toExclusive) {
        for (int y = from.getYear(); y <= toExclusive.getYear(); y++) {
            LocalDate d = f.dateIn(y);
            if (d != null && !d.isBefore(from) && d.isBefore(toExclusive)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Signed days from {@code day} to the nearest occurrence of {@code f} (negative: it was in the past), capped to
     * ±{@code cap}; {@code cap + 1} when none is known within the cap.
     */
    public static int daysToNearest(Festival f, LocalDate day, int cap) {
        int best = cap + 1;
        for (int y = day.getYear() - 1; y <= day.getYear() + 1; y++) {
            LocalDate d = f.dateIn(y);
            if (d == null) {
                continue;
            }
            long diff = d.toEpochDay() - day.toEpochDay();
            if (Math.abs(diff) <= cap && Math.abs(diff) < Math.abs(best)) {
                best = (int) diff;
            }
        }
        return best;
    }

    /** Feature names, one per festival: {@code fest_black_friday}… */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (Festival f : festivals) {
            names.add("fest_" + f.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
