package io.trendcast.core.port;

import java.util.Collection;
import java.util.Optional;

/** The served forecasts: one record per series of a seller, replaced whole when a newer run writes it. */
public interface ForecastStore {

    /**
     * Writes a batch of forecasts, each replacing the stored forecast of its series. Writes are idempotent, so a
     * retried batch is harmless; the batch is not atomic.
     *
     * @throws StoreException when some forecasts could not be written after retries (the message says how many)
     */
    void putAll(Collection<StoredForecast> forecasts);

    /** The forecast of one series, or empty when there is none. */
    Optional<StoredForecast> get(String seller, SeriesKey series);
}
