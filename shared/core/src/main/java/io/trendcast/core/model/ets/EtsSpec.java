package io.trendcast.core.model.ets;

import java.util.Objects;

/**
 * One fully specified ETS model: error, trend and seasonal forms and whether the trend is damped, named as in
 * Hyndman et al. (2008), e.g. {@code ETS(M,Ad,M)}.
 *
 * @param error  additive or multiplicative errors
 * @param trend  trend form
 * @param season seasonal form
 * @param damped whether the trend is damped (only with a trend)
 */
public record EtsSpec(EtsComponent error, EtsComponent trend, EtsComponent season, boolean damped) {

    public EtsSpec {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(season, "season");
        if (error == EtsComponent.NONE) {
            throw new IllegalArgumentException("the error of an ETS model is additive or multiplicative");
        }
        if (damped && trend == EtsComponent.NONE) {
            throw new IllegalArgumentException("a damped model needs a trend");
        }
    }

    /**
     * Whether R's {@code ets(restrict = TRUE)} forbids this combination: additive errors with a multiplicative
     * trend or season, and multiplicative errors with a multiplicative trend and an additive season (these
     * models can be numerically unstable, Hyndman et al. 2008 §15.4).
     */
    public boolean restricted() {
        return (error == EtsComponent.ADDITIVE
                && (trend == EtsComponent.MULTIPLICATIVE || season == EtsComponent.MULTIPLICATIVE))
                || (error == EtsComponent.MULTIPLICATIVE && trend == EtsComponent.MULTIPLICATIVE
                && season == EtsComponent.ADDITIVE);
    }

    /** Whether any component is multiplicative (then the data must be positive). */
    public boolean hasMultiplicative() {
        return error == EtsComponent.MULTIPLICATIVE || trend == EtsComponent.MULTIPLICATIVE
                || season == EtsComponent.MULTIPLICATIVE;
    }

    /** The name, e.g. {@code ETS(M,Ad,M)}. */
    @Override
    public String toString() {
        return "ETS(" + error.letter() + "," + trend.letter() + (damped ? "d" : "") + "," + season.letter() + ")";
    }
}
