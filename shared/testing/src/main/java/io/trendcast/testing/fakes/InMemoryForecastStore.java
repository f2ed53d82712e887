package io.trendcast.testing.fakes;

import io.trendcast.core.port.ForecastCatalog;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.ForecastSummary;
import io.trendcast.core.port.RunIds;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ForecastStore} and {@link ForecastCatalog} in a concurrent map keyed by seller and series; an older
 * dataset version never wins.
 */
public final class InMemoryForecastStore implements ForecastStore, ForecastCatalog {

    private record Key(String seller, SeriesKey series) {
    }

    private record Entry(StoredForecast forecast, int completeness) {
    }

    private final Map<Key, Entry> forecasts = new ConcurrentHashMap<>();

    @Override
    public void putAll(Collection<StoredForecast> batch, int completeness) {
        for (StoredForecast f : batch) {
            long version = RunIds.datasetVersion(f.runId());
            forecasts.merge(new Key(f.seller(), f.series()), new Entry(f, completeness), (stored, fresh) -> {
                long storedVersion = RunIds.datasetVersion(stored.forecast().runId());
                boolean keep = storedVersion > version
                        || storedVersion == version && stored.completeness() > completeness;
                return keep ? stored : fresh;
            });
        }
    }

    @Override
    public Optional<StoredForecast> get(String seller, SeriesKey series) {
        return Optional.ofNullable(forecasts.get(new Key(seller, series))).map(Entry::forecast);
    }

    @Override
    public List<ForecastSummary> summaries(String seller) {
        return forecasts.values().stream()
                .map(Entry::forecast)
                .filter(f -> f.seller().equals(seller))
                .sorted(Comparator.comparing(f -> f.series().encode()))
                .map(ForecastSummary::of)
                .toList();
    }

    /** How many forecasts are stored, for tests. */
    public int size() {
        return forecasts.size();
    }
}
