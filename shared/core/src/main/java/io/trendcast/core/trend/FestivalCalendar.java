package io.trendcast.core.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Shopping festivals and holidays that move retail sales, with their date in any year: fixed dates (Valentine's
 * Day, Halloween, Christmas Eve, New Year's Eve), Mother's Day (second Sunday of May), and the festivals the
 * feature calendar already dates ({@link io.trendcast.core.features.Festival}: Easter, Singles' Day, Black Friday,
 * Cyber Monday, Christmas), whose rules are used as they are.
 */
public final class FestivalCalendar {

    /** A named festival and its date in a given year. */
    public record Festival(String name, IntFunction<LocalDate> dateIn) {
    }

    /** The festivals known to the calendar. */
    public static final List<Festival> FESTIVALS = List.of(
            new Festival("Valentine's Day", y -> LocalDate.of(y, 2, 14)),
            new Festival("Easter", io.trendcast.core.features.Festival.EASTER::dateIn),
            new Festival("Mother's Day", y -> LocalDate.of(y, 5, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY))),
            new Festival("Halloween", y -> LocalDate.of(y, 10, 31)),
            new Festival("Singles' Day", io.trendcast.core.features.Festival.DOUBLE_11::dateIn),
            new Festival("Black Friday", io.trendcast.core.features.Festival.BLACK_FRIDAY::dateIn),
            new Festival("Cyber Monday", io.trendcast.core.features.Festival.CYBER_MONDAY::dateIn),
            new Festival("Christmas Eve", y -> LocalDate.of(y, 12, 24)),
            new Festival("Christmas Day", io.trendcast.core.features.Festival.CHRISTMAS::dateIn),
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
}
