package io.trendcast.core.cost;

import java.util.Locale;
import java.util.function.Function;

/** How a {@link CostReport} groups invocations. */
public enum GroupBy {
    /** By function name. */
    FUNCTION(CostRecord::function),
    /** By seller; invocations for no seller under {@link CostReport#NO_SELLER}. */
    SELLER(r -> r.seller() == null ? CostReport.NO_SELLER : r.seller()),
    /** By UTC day, {@code yyyy-MM-dd}. */
    DAY(r -> r.day().toString());

    private final Function<CostRecord, String> key;

    GroupBy(Function<CostRecord, String> key) {
        this.key = key;
    }

    /** The group {@code record} falls in. */
    public String keyOf(CostRecord record) {
        return key.apply(record);
    }

    /** The lower-case name used by the API and the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The grouping named {@code function}, {@code seller} or {@code day} (any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static GroupBy parse(String name) {
        for (GroupBy g : values()) {
            if (g.label().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("groupBy must be function, seller or day, got '" + name + "'");
    }
}
