package io.trendcast.deep;

import io.trendcast.core.series.Frequency;
import java.util.Arrays;

/**
 * Lags fed to the network for each frequency. DJL's own lag sets ({@code Lag.getLagsForFreq}) cover daily data only,
 * so they are chosen here: recent periods, a few multiples of the season and the season's neighbours (weekly data
 * drifts a week a year against the calendar).
 */
final class Lags {

    private Lags() {
    }

    static int[] forFrequency(Frequency frequency, int season) {
        int[] base = switch (frequency) {
            case DAILY -> new int[] {1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 21, 28};
            case WEEKLY -> new int[] {1, 2, 3, 4, 8, 13, 26, 51, 52, 53};
            case MONTHLY -> new int[] {1, 2, 3, 6, 11, 12, 13, 24};
            case QUARTERLY -> new int[] {1, 2, 3, 4, 5, 8};
            case YEARLY, PERIOD -> new int[] {1, 2, 3, 4};
        };
        if (frequency == Frequency.PERIOD && season > 1) {
            base = new int[] {1, 2, 3, 4, season - 1, season, season + 1, 2 * season};
        }
        return Arrays.stream(base).distinct().sorted().toArray();
    }
}
