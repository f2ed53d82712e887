package io.trendcast.core.model.arima;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.Refittable;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A fitted seasonal ARIMA model. Forecasts follow R's {@code predict.Arima}: the Kalman filter state after the
 * last observation is propagated {@code h} steps ({@code KalmanForecast}), the drift or mean is added back, and
 * normal intervals use the residual variance with {@code forecast}'s degrees-of-freedom correction
 * ({@code sum(residuals²) / (n - d - D·m - npar + 1)}). Immutable and serialisable.
 */
public final class ArimaModel implements FittedModel, Refittable, Serializable {

    private static final long serialVersionUID = 1L;

    private final ArimaSpec spec;
    private final double[] coef;
    private final double constant;
    private final double sigma2;
    private final double rawSigma2;
    private final double loglik;
    private final double aic;
    private final double aicc;
    private final double bic;
    private final int length;
    private final double[] phi;
    private final double[] theta;
    private final double[] delta;
    private final double[] state;
    private final double[] stateCov;

    /**
     * @param fitStats {@code {sigma2, rawSigma2, loglik, aic, aicc, bic}}
     */
    ArimaModel(ArimaSpec spec, double[] coef, double constant, double[] fitStats, int length, double[][] expanded,
               double[] delta, double[] state, double[] stateCov) {
        this.spec = spec;
        this.coef = coef.clone();
        this.constant = constant;
        this.sigma2 = fitStats[0];
        this.rawSigma2 = fitStats[1];
        this.loglik = fitStats[2];
        this.aic = fitStats[3];
        this.aicc = fitStats[4];
        this.bic = fitStats[5];
        this.length = length;
        this.phi = expanded[0].clone();
        this.theta = expanded[1].clone();
        this.delta = delta.clone();
        this.state = state.clone();
        this.stateCov = stateCov.clone();
    }

    /** The orders and constant of the model. */
    public ArimaSpec spec() {
        return spec;
    }

    @Override
    public String description() {
        return spec.description();
    }

    /** Re-estimates these orders, constant and drift on other data, without the order search. */
    @Override
    public Forecaster sameStructure() {
        return new ArimaSpecForecaster(spec);
    }

    /** Non-seasonal AR coefficients φ₁…φₚ. */
    public double[] ar() {
        return Arrays.copyOfRange(coef, 0, spec.p());
    }

    /** Non-seasonal MA coefficients θ₁…θ_q (R's sign convention, {@code 1 + θB}). */
    public double[] ma() {
        return Arrays.copyOfRange(coef, spec.p(), spec.p() + spec.q());
    }

    /** Seasonal AR coefficients Φ₁…Φ_P. */
    public double[] sar() {
        int o = spec.p() + spec.q();
        return Arrays.copyOfRange(coef, o, o + spec.sp());
    }

    /** Seasonal MA coefficients Θ₁…Θ_Q. */
    public double[] sma() {
        int o = spec.p() + spec.q() + spec.sp();
        return Arrays.copyOfRange(coef, o, o + spec.sq());
    }

    /** The mean (intercept) or drift per period; NaN when the model has no constant. */
    public double constant() {
        return constant;
    }

    /** Innovation variance used for intervals (after {@code forecast}'s degrees-of-freedom correction). */
    public double sigma2() {
        return sigma2;
    }

    /** Innovation variance as {@code stats::arima} reports it (sum of squares over the observations used). */
    public double rawSigma2() {
        return rawSigma2;
    }

    /** Gaussian log-likelihood (R's {@code logLik}); for conditional-sum-of-squares fits, its CSS analogue. */
    public double loglik() {
        return loglik;
    }

    /** Akaike information criterion. */
    public double aic() {
        return aic;
    }

    /** AIC corrected for small samples, the criterion of the automatic search (Hyndman &amp; Khandakar 2008). */
    public double aicc() {
        return aicc;
    }

    /** Bayesian information criterion. */
    public double bic() {
        return bic;
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        double[][] mv = ArimaKalman.forecast(phi, theta, delta, state, stateCov, horizon);
        double[] mean = mv[0];
        double[] sd = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            if (spec.hasDrift()) {
                mean[t] += constant * (length + t + 1);
            } else if (spec.hasMean()) {
                mean[t] += constant;
            }
            sd[t] = Math.sqrt(Math.max(0.0, mv[1][t] * sigma2));
        }
        return Forecast.normal(description(), mean, sd, levels);
    }

    @Override
    public String toString() {
        return description() + " sigma2=" + sigma2 + " aicc=" + aicc;
    }
}
