package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ledger of a period, grouped: one {@link CostGroup} per function, seller or day (sorted by key), the total,
 * and two unit costs. The cost per forecast served is the api function's total over the forecasts it served
 * (forecast requests answered with 200); the cost per series trained is the total of ingest and train over the
 * series train fitted. Either is {@code null} when nothing was served or trained.
 *
 * @param from                 first day, included
 * @param to                   last day, included
 * @param groupBy              how the groups are formed
 * @param groups               one per key, sorted by key
 * @param total                the sums over every invocation of the period
 * @param forecastsServed      forecasts the api served
 * @param seriesTrained        series the train function fitted
 * @param usdPerForecastServed api dollars per forecast served, 16 significant digits, or {@code null}
 * @param usdPerSeriesTrained  ingest and train dollars per series trained, 16 significant digits, or {@code null}
 */
public record CostReport(LocalDate from, LocalDate to, GroupBy groupBy, List<CostGroup> groups, CostGroup total,
                         long forecastsServed, long seriesTrained, BigDecimal usdPerForecastServed,
                         BigDecimal usdPerSeriesTrained) {

    /** The seller key of invocations made for no seller (health checks, cost reports, …). */
    public static final String NO_SELLER = "(none)";
    /** The key of the total. */
    public static final String TOTAL = "total";
    /** The function that serves forecasts. */
    public static final String API = "api";
    /** The functions whose cost is the cost of training. */
    public static final List<String> TRAINING_FUNCTIONS = List.of("ingest", "train");

    public CostReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        groups = List.copyOf(groups);
        Objects.requireNonNull(total, "total");
    }

    /**
     * The report of {@code records} (those outside {@code from}..{@code to} are left out).
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public static CostReport of(List<CostRecord> records, LocalDate from, LocalDate to, GroupBy groupBy) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        Map<String, CostGroup> groups = new TreeMap<>();
        CostGroup total = CostGroup.empty(TOTAL);
        CostGroup api = CostGroup.empty(API);
        CostGroup training = CostGroup.empty("training");
        long served = 0;
        long trained = 0;
        for (CostRecord record : records) {
            if (record.day().isBefore(from) || record.day().isAfter(to)) {
                continue;
            }
            String key = groupBy.keyOf(record);
            groups.put(key, groups.getOrDefault(key, CostGroup.empty(key)).plus(record));
            total = total.plus(record);
            if (API.equals(record.function())) {
                api = api.plus(record);
                served += record.units();
            } else if (TRAINING_FUNCTIONS.contains(record.function())) {
                training = training.plus(record);
                if ("train".equals(record.function())) {
                    trained += record.units();
                }
            }
        }
        return new CostReport(from, to, groupBy, new ArrayList<>(groups.values()), total, served, trained,
                per(api.cost().totalUsd(), served), per(training.cost().totalUsd(), trained));
    }

    private static BigDecimal per(BigDecimal usd, long count) {
        return count == 0 ? null : usd.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }
}
