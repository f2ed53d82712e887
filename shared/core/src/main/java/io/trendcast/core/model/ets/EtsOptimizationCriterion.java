package io.trendcast.core.model.ets;

/**
 * What the optimiser minimises, R's {@code ets(opt.crit = …)} (Hyndman et al. 2008, §5.2 and §5.3).
 */
public enum EtsOptimizationCriterion {
    /** Twice the negative log-likelihood (R's default {@code "lik"}). */
    LIKELIHOOD,
    /** Mean squared one-step error ({@code "mse"}). */
    MSE,
    /** Average of the in-sample mean squared 1..nmse-step errors ({@code "amse"}). */
    AMSE,
    /** Mean squared innovation, relative for multiplicative errors ({@code "sigma"}). */
    SIGMA,
    /** Mean absolute innovation ({@code "mae"}). */
    MAE
}
