package io.trendcast.core.select;

import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.naive.DriftForecaster;
import io.trendcast.core.model.naive.NaiveForecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The methods known by name to the command line and the train function, with their default configuration. */
public final class Methods {

    private static final Map<String, Supplier<Forecaster>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("naive", NaiveForecaster::new);
        REGISTRY.put("snaive", SeasonalNaiveForecaster::new);
        REGISTRY.put("drift", DriftForecaster::new);
        REGISTRY.put("auto", Methods::auto);
    }

    private Methods() {
    }

    /** Every method name, in a stable order. */
    public static List<String> names() {
        return new ArrayList<>(REGISTRY.keySet());
    }

    /**
     * The method called {@code name}.
     *
     * @throws IllegalArgumentException naming the known methods when {@code name} is not one
     */
    public static Forecaster byName(String name) {
        Supplier<Forecaster> s = REGISTRY.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; known: " + String.join(", ", names()));
        }
        return s.get();
    }

    /** The product's {@code auto}: backtested choice among the local models and their combinations. */
    public static AutoForecaster auto() {
        return AutoForecaster.builder()
                .methods(List.of(new SeasonalNaiveForecaster(), new DriftForecaster()))
                .combination(Combiner.MEAN, "snaive", "drift")
                .fallbackChoice("mean(snaive,drift)")
                .build();
    }
}
