package io.trendcast.core.features;

import io.trendcast.core.series.Frequency;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes one feature row per series and period. The row of period {@code t} reads the target only at periods
 * {@code ≤ t - minLag}: calendar, festivals, drivers and attributes are known in advance, so rows of future periods
 * are computable from the history plus planned prices and promotions, and no target value leaks into its own row.
 *
 * <p>Target-derived features read the caller's buffer {@code y}, which the recursive strategy extends with its own
 * forecasts; missing target values (NaN) propagate as missing features, which tree models handle natively.
 */
public final class FeatureBuilder {

    private static final int FESTIVAL_DAYS_CAP = 14;

    private final FeatureSpec spec;
    private final Frequency frequency;
    private final List<String> names;

    public FeatureBuilder(FeatureSpec spec, Frequency frequency) {
        this.spec = spec;
        this.frequency = frequency;
        this.names = List.copyOf(buildNames());
    }

    /** The spec this builder follows. */
    public FeatureSpec spec() {
        return spec;
    }

    /** Feature names, in row order. */
    public List<String> names() {
        return names;
    }

    /** Number of features per row. */
    public int width() {
        return names.size();
    }

    private List<String> buildNames() {
        List<String> n = new ArrayList<>();
        for (int k : spec.lags()) {
            n.add("lag_" + k);
        }
        for (int w : spec.windows()) {
            n.add("mean_" + w);
            n.add("sd_" + w);
        }
        if (spec.calendar()) {
            if (frequency == Frequency.DAILY) {
                n.add("day_of_week");
                n.add("day_of_month");
            }
            n.add("week_of_year");
            n.add("month");
            n.add("days_to_month_end");
            for (String f : spec.holidays().featureNames()) {
                n.add(f);
                if (frequency != Frequency.DAILY) {
                    n.add(f + "_next");
                }
            }
        }
        for (String c : spec.covariates()) {
            n.add("x_" + c.toLowerCase(Locale.ROOT));
        }
        if (spec.covariates().contains(spec.priceColumn())) {
            n.add("price_vs_recent");
            n.add("price_change");
        }
        for (String a : spec.attributes()) {
            n.add("attr_" + a.toLowerCase(Locale.ROOT));
        }
        return n;
    }

    /**
     * Fills {@code out[0..width)} with the features of period {@code t} of {@code in}.
     *
     * @param y target buffer aligned with the series (index 0 = first period); only indices {@code ≤ t - minLag} are
     *          read, and indices beyond the buffer count as missing
     */
    public void row(SeriesInput in, double[] y, int t, double[] out) {
        int c = 0;
        for (int k : spec.lags()) {
            out[c++] = at(y, t - k);
        }
        int end = t - spec.minLag();
        for (int w : spec.windows()) {
            double sum = 0;
            double sq = 0;
            int cnt = 0;
            for (int i = Math.max(0, end - w + 1); i <= end && i < y.length; i++) {
                double v = y[i];
                if (!Double.isNaN(v)) {
                    sum += v;
                    sq += v * v;
                    cnt++;
                }
            }
            double mean = cnt > 0 ? sum / cnt : Double.NaN;
            out[c++] = mean;
            out[c++] = cnt > 1 ? Math.sqrt(Math.max(0, (sq - cnt * mean * mean) / (cnt - 1))) : Double.NaN;
        }
        if (spec.calendar()) {
            c = calendar(in.series().positionAt(t), out, c);
        }
        for (String name : spec.covariates()) {
            out[c++] = in.covariate(name, t);
        }
        if (spec.covariates().contains(spec.priceColumn())) {
            double p = in.covariate(spec.priceColumn(), t);
            double recent = 0;
            int cnt = 0;
            for (int i = t - spec.priceWindow(); i < t; i++) {
                double v = in.covariate(spec.priceColumn(), i);
                if (Double.isFinite(v)) {
                    recent += v;
                    cnt++;
                }
            }
            double prev = in.covariate(spec.priceColumn(), t - 1);
            out[c++] = cnt > 0 && recent != 0 ? p / (recent / cnt) : Double.NaN;
            out[c++] = Double.isFinite(prev) && prev != 0 ? p / prev - 1 : Double.NaN;
        }
        for (String a : spec.attributes()) {
            Double v = in.attributes().get(a);
            out[c++] = v == null ? Double.NaN : v;
        }
    }

    private int calendar(long position, double[] out, int c) {
        LocalDate day = LocalDate.ofEpochDay(position);
        LocalDate next = LocalDate.ofEpochDay(frequency.plus(position, 1));
        if (frequency == Frequency.DAILY) {
            out[c++] = day.getDayOfWeek().getValue();
            out[c++] = day.getDayOfMonth();
        }
        out[c++] = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        out[c++] = day.getMonthValue();
        out[c++] = day.lengthOfMonth() - day.getDayOfMonth();
        LocalDate after = LocalDate.ofEpochDay(frequency.plus(position, 2));
        for (Festival f : spec.holidays().festivals()) {
            if (frequency == Frequency.DAILY) {
                out[c++] = HolidayCalendar.daysToNearest(f, day, FESTIVAL_DAYS_CAP);
            } else {
                out[c++] = HolidayCalendar.within(f, day, next) ? 1 : 0;
                out[c++] = HolidayCalendar.within(f, next, after) ? 1 : 0;
            }
        }
        return c;
    }

    private static double at(double[] y, int i) {
        return i >= 0 && i < y.length ? y[i] : Double.NaN;
    }
}
