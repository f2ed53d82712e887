package io.trendcast.core.model.ets;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.Refittable;
import java.io.Serializable;
import java.util.Objects;

/**
 * An ETS model fitted to one series (R's {@code ets} object): the specification, smoothing parameters, initial
 * and final states, innovation variance and information criteria. Immutable, thread-safe and serialisable.
 * Forecasts and intervals follow R's {@code forecast.ets} (see {@link EtsForecastIntervals}).
 */
public final class EtsModel implements FittedModel, Refittable, Serializable {

    private static final long serialVersionUID = 1L;

    private final EtsSpec spec;
    private final int period;
    private final EtsParameters parameters;
    private final double[] initialState;
    private final double[] finalState;
    private final double sigma2;
    private final double logLikelihood;
    private final double aic;
    private final double aicc;
    private final double bic;
    private final int observations;

    /**
     * @param period        seasonal period of the series ({@code m}; used by seasonal specs)
     * @param initialState  states at time 0 in R's layout {@code l, [b], s0 … s(m−1)}
     * @param finalState    states after the last observation, same layout
     * @param sigma2        innovation variance (relative for multiplicative errors)
     * @param logLikelihood R's {@code loglik} (−½ of the likelihood criterion), NaN if not fitted by likelihood
     */
    EtsModel(EtsSpec spec, int period, EtsParameters parameters, double[] initialState, double[] finalState,
             double sigma2, double logLikelihood, double aic, double aicc, double bic, int observations) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.period = period;
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.initialState = initialState.clone();
        this.finalState = finalState.clone();
        this.sigma2 = sigma2;
        this.logLikelihood = logLikelihood;
        this.aic = aic;
        this.aicc = aicc;
        this.bic = bic;
        this.observations = observations;
    }

    /** E.g. {@code ETS(M,Ad,M)}. */
    @Override
    public String description() {
        return spec.toString();
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        return EtsForecastIntervals.forecast(this, horizon, levels);
    }

    /**
     * {@code ets(y, model = "<this model's letters>", damped = <this model's damping>)} with R's other defaults:
     * re-estimates the parameters and states of this structure on other data without selecting again.
     */
    @Override
    public Forecaster sameStructure() {
        String letters = "" + spec.error().letter() + spec.trend().letter() + spec.season().letter();
        return EtsForecaster.builder().model(letters).damped(spec.trend() == EtsComponent.NONE ? null : spec.damped())
                .build();
    }

    public EtsSpec spec() {
        return spec;
    }

    /** Seasonal period of the series the model was fitted to. */
    public int period() {
        return period;
    }

    public EtsParameters parameters() {
        return parameters;
    }

    /** States at time 0: {@code l, [b], s0 … s(m−1)} (s0 the most recent season). */
    public double[] initialState() {
        return initialState.clone();
    }

    /** States after the last observation, same layout. */
    public double[] finalState() {
        return finalState.clone();
    }

    /** Innovation variance: residual sum of squares over {@code n − k} (R's {@code sigma2}). */
    public double sigma2() {
        return sigma2;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    public double aic() {
        return aic;
    }

    public double aicc() {
        return aicc;
    }

    public double bic() {
        return bic;
    }

    /** Number of observations fitted. */
    public int observations() {
        return observations;
    }

    /** The value of the given criterion. */
    double criterion(EtsInformationCriterion ic) {
        return switch (ic) {
            case AIC -> aic;
            case AICC -> aicc;
            case BIC -> bic;
        };
    }

    @Override
    public String toString() {
        return description() + "[" + parameters + ", sigma2=" + sigma2 + ", aicc=" + aicc + "]";
    }
}
