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

    /**
     * The product's {@code auto}. Base methods ETS, ARIMA, Theta, seasonal naive and drift, and the mean of ETS,
     * ARIMA and Theta, the combination that forecasting competitions found hardest to beat (Makridakis et al.
     * 2020; Petropoulos &amp; Svetunkov 2020). Backtests over three origins pick a single method only when it beats
     * the combination's scaled error by more than 30%: selection from a few backtest windows is noisy, and a
     * switch must pay for that noise. Intermittent series choose among SBA, TSB and seasonal naive.
     */
    public static AutoForecaster auto() {
        return autoBuilder().build();
    }

    /**
     * {@link #auto()} whose fits also give {@link AutoModel#heldOutFold()}: what the train function judges the local
     * choice by against the global models. Its forecasts are those of {@link #auto()}; it costs up to three more fits
     * per method and series.
     */
    public static AutoForecaster autoWithHeldOutFold() {
        return autoBuilder().heldOutFold(true).build();
    }

    private static AutoForecaster.Builder autoBuilder() {
        return AutoForecaster.builder()
                .methods(List.of(EtsForecaster.defaults(), ArimaForecaster.create(), ThetaForecaster.defaults(),
                        new SeasonalNaiveForecaster(), new DriftForecaster()))
                .intermittentMethods(List.of(CrostonForecaster.sba(), TsbForecaster.defaults(),
                        new SeasonalNaiveForecaster()))
                .combination(Combiner.MEAN, "ets", "arima", "theta")
                .fallbackChoice("mean(ets,arima,theta)")
                .preferCombinationMargin(0.3);
    }
}
