package io.trendcast.core.port;

import java.util.List;

/**
 * Reads all stored forecasts of a seller at once, for rankings and lists (trends, anomalies, charts of the top
 * movers). A separate port from {@link ForecastStore}, whose single-series reads serve the forecast endpoint.
 */
public interface ForecastCatalog {

    /**
     * The summary of every stored forecast of {@code seller}, in series key order; empty when there is none.
     *
     * @throws StoreException when the store cannot be reached or an item is malformed
     */
    List<ForecastSummary> summaries(String seller);
}
