package io.trendcast.testing.faults;

import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.port.StoredForecast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ForecastStore} whose forecasts count as writes of a {@link FaultPlan}, one write each: a fault in the
 * middle of a batch leaves the forecasts before it written and the rest not, as a crash during a batch would.
 */
public final class FaultyForecastStore implements ForecastStore {

    private final ForecastStore store;
    private final FaultPlan plan;

    public FaultyForecastStore(ForecastStore store, FaultPlan plan) {
        this.store = Objects.requireNonNull(store, "store");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public void putAll(Collection<StoredForecast> forecasts, int completeness) {
        List<StoredForecast> written = new ArrayList<>();
        try {
            for (StoredForecast f : forecasts) {
                plan.beforeWrite("forecast " + f.seller() + "/" + f.series().encode());
                written.add(f);
            }
        } finally {
            store.putAll(written, completeness);
        }
    }

    @Override
    public Optional<StoredForecast> get(String seller, SeriesKey series) {
        return store.get(seller, series);
    }
}
