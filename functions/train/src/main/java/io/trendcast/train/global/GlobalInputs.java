package io.trendcast.train.global;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.series.Frequency;
import io.trendcast.core.series.TimeSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The global model's inputs from shard series: the prepared history with the drivers on the same grid, extended
 * over the horizon. Uploads carry no plan for the forecast periods yet, so the future is what the seller would see
 * by doing nothing: the last reported price and covariate values hold, and no promotion runs. Driver columns
 * without a single value in the run are left out.
 */
final class GlobalInputs {

    static final String PRICE = "price";
    static final String PROMO = "promo";

    private GlobalInputs() {
    }

    /**
     * The inputs of {@code series} (each with its prepared history, in the same order).
     *
     * @param covariateNames the names of {@link DriverSeries#columns()}
     */
    static List<SeriesInput> of(List<DriverSeries> series, List<TimeSeries> histories, List<String> covariateNames,
                                Frequency frequency, int horizon) {
        List<String> names = new ArrayList<>();
        names.add(PRICE);
        names.add(PROMO);
        names.addAll(covariateNames);
        boolean[] present = new boolean[names.size()];
        for (DriverSeries d : series) {
            for (int j = 0; j < names.size(); j++) {
                present[j] |= anyFinite(column(d, j));
            }
        }
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (present[j]) {
                kept.add(names.get(j));
            }
        }
        List<SeriesInput> out = new ArrayList<>(series.size());
        for (int s = 0; s < series.size(); s++) {
            DriverSeries d = series.get(s);
            TimeSeries history = histories.get(s);
            double[][] rows = new double[kept.size()][];
            int r = 0;
            for (int j = 0; j < names.size(); j++) {
                if (present[j]) {
                    rows[r++] = onGrid(d, column(d, j), history, frequency, horizon, names.get(j).equals(PROMO));
                }
            }
            out.add(new SeriesInput(history, kept, rows, Map.of()));
        }
        return out;
    }

    private static double[] column(DriverSeries d, int j) {
        return j == 0 ? d.price() : j == 1 ? d.promo() : d.columns()[j - 2];
    }

    /** {@code values} (one per shard date) placed on the history's grid and extended over the horizon. */
    private static double[] onGrid(DriverSeries d, double[] values, TimeSeries history, Frequency frequency,
                                   int horizon, boolean promo) {
        int n = history.length();
        double[] out = new double[n + horizon];
        Arrays.fill(out, Double.NaN);
        long start = history.positionAt(0);
        List<LocalDate> dates = d.series().dates();
        for (int i = 0; i < dates.size(); i++) {
            long t = frequency.between(start, dates.get(i).toEpochDay());
            if (t >= 0 && t < n) {
                out[(int) t] = values[i];
            }
        }
        double last = Double.NaN;
        for (int t = n - 1; t >= 0 && Double.isNaN(last); t--) {
            last = out[t];
        }
        for (int k = 0; k < horizon; k++) {
            out[n + k] = promo ? 0 : last;
        }
        return out;
    }

    private static boolean anyFinite(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return true;
            }
        }
        return false;
    }
}
