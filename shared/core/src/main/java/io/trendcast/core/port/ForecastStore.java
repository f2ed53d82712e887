package io.trendcast.core.port;

import java.util.Collection;
import java.util.Optional;

/** The served forecasts: one record per series of a seller, replaced whole when a newer run writes it. */
public interface ForecastStore {

    /**
     * Writes a batch of forecasts, each replacing the stored forecast of its series unless that one comes from a
     * newer dataset version ({@link RunIds#datasetVersion} of the run ids): each write is conditional, so a late
     * or retried shard of an older run never overwrites a newer run's forecast, whatever the order of events.
     * Forecasts of the same version replace each other. Writes are idempotent, so a retried batch is harmless; the
     * batch is not atomic.
     *
     * @throws StoreException when some forecasts could not be written after retries (the message says how many)
     */
    default void putAll(Collection<StoredForecast> forecasts) {
        putAll(forecasts, 0);
    }

    /**
     * {@link #putAll(Collection)} for forecasts chosen by a selection of rank {@code completeness} (0: the shard's
     * first answer, before any selection; a selection's rank grows with the candidate sources it saw, then with a
     * run-wide decision, {@code io.trendcast.core.candidate.CandidateSelection.Selection#rank()}). A stored forecast
     * of the same dataset version is replaced only when its rank is not higher, so a retried or late first answer
     * never replaces a finished selection, a selection over fewer sources never replaces one over more, and a shard's
     * own decision never replaces the run's.
     *
     * @throws StoreException when some forecasts could not be written after retries (the message says how many)
     */
    void putAll(Collection<StoredForecast> forecasts, int completeness);

    /** The forecast of one series, or empty when there is none. */
    Optional<StoredForecast> get(String seller, SeriesKey series);
}
