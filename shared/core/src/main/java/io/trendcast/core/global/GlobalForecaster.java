package io.trendcast.core.global;

import io.trendcast.core.features.SeriesInput;
import java.util.List;

/**
 * A configured, immutable method fitted once across many series (one seller's), with their drivers.
 * Implementations are thread-safe.
 */
public interface GlobalForecaster {

    /** The method name used on the command line, e.g. {@code global}. */
    String name();

    /**
     * Fits across {@code series}, ready to forecast {@code horizon} steps of each. Series too short for the
     * features are used for what they offer and still get forecasts.
     *
     * @throws io.trendcast.core.model.ModelException when nothing can be fitted (no series, mixed frequencies)
     */
    GlobalModel fit(List<SeriesInput> series, int horizon);
}
