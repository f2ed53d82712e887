package io.trendcast.core.model.ets;

/**
 * Which parameter space the estimation searches, R's {@code ets(bounds = …)} (Hyndman et al. 2008, §10.4).
 * {@link #USUAL} keeps {@code 0 < β ≤ α < 1}, {@code 0 < γ < 1 − α} and {@code φ} in its bounds;
 * {@link #ADMISSIBLE} keeps the model forecastable (the discount matrix has its eigenvalues inside the unit
 * circle); {@link #BOTH}, R's default, requires both.
 */
public enum EtsBounds {
    USUAL,
    ADMISSIBLE,
    BOTH;

    boolean checksUsual() {
        return this != ADMISSIBLE;
    }

    boolean checksAdmissible() {
        return this != USUAL;
    }
}
