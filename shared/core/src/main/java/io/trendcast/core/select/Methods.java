package io.trendcast.core.select;

import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.arima.ArimaForecaster;
import io.trendcast.core.model.ets.EtsForecaster;
import io.trendcast.core.model.intermittent.CrostonForecaster;
import io.trendcast.core.model.intermittent.TsbForecaster;
import io.trendcast.core.model.naive.DriftForecaster;
import io.trendcast.core.model.naive.Naive2Forecaster;
import io.trendcast.core.model.naive.NaiveForecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import io.trendcast.core.model.theta.ThetaForecaster;
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
        REGISTRY.put("naive2", Naive2Forecaster::defaults);
        REGISTRY.put("theta", ThetaForecaster::defaults);
        REGISTRY.put("ets", EtsForecaster::defaults);
        REGISTRY.put("arima", ArimaForecaster::create);
        REGISTRY.put("croston", CrostonForecaster::croston);
        REGISTRY.put("sba", CrostonForecaster::sba);
        REGISTRY.put("tsb", TsbForecaster::defaults);
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
                .methods(List.of(ThetaForecaster.defaults(), new SeasonalNaiveForecaster(), new DriftForecaster()))
                .intermittentMethods(List.of(CrostonForecaster.sba(), TsbForecaster.defaults(),
                        new SeasonalNaiveForecaster()))
                .combination(Combiner.MEAN, "theta", "snaive", "drift")
                .combination(Combiner.MEDIAN, "theta", "snaive", "drift")
                .fallbackChoice("theta")
                .build();
    }
}
