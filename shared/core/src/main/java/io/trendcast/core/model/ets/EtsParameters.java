package io.trendcast.core.model.ets;

/**
 * Smoothing parameters of an ETS model, with R's bounds, starting values ({@code initparam}) and range check
 * ({@code check.param}). Absent parameters are {@code NaN}: {@code beta} without a trend, {@code gamma} without
 * a season, {@code phi} without damping.
 *
 * @param alpha level smoothing
 * @param beta  trend smoothing (R's β, not β* = β/α)
 * @param gamma seasonal smoothing
 * @param phi   damping
 */
public record EtsParameters(double alpha, double beta, double gamma, double phi) {

    /** R's default {@code lower = c(rep(1e-4, 3), 0.8)} for α, β, γ, φ. */
    static final double[] LOWER = {1e-4, 1e-4, 1e-4, 0.8};
    /** R's default {@code upper = c(rep(0.9999, 3), 0.98)} for α, β, γ, φ. */
    static final double[] UPPER = {0.9999, 0.9999, 0.9999, 0.98};

    /** The damping factor used in the recursions: φ, or 1 without damping. */
    double phiOrOne() {
        return Double.isNaN(phi) ? 1.0 : phi;
    }

    /** β, or 0 without a trend. */
    double betaOrZero() {
        return Double.isNaN(beta) ? 0.0 : beta;
    }

    /** γ, or 0 without a season. */
    double gammaOrZero() {
        return Double.isNaN(gamma) ? 0.0 : gamma;
    }

    /** How many smoothing parameters are estimated. */
    int count() {
        return 1 + (Double.isNaN(beta) ? 0 : 1) + (Double.isNaN(gamma) ? 0 : 1) + (Double.isNaN(phi) ? 0 : 1);
    }

    /**
     * R's {@code initparam}: starting values for the optimiser, α = l + 0.2 (u − l) / m, β one tenth of the way
     * up to α, γ one twentieth of the way up to 1 − α, φ = l + 0.99 (u − l).
     *
     * @param m the seasonal period of the model (1 when it has no season)
     */
    static EtsParameters initial(EtsSpec spec, int m, EtsBounds bounds) {
        double[] lower = LOWER.clone();
        double[] upper = UPPER.clone();
        if (bounds == EtsBounds.ADMISSIBLE) {
            for (int i = 0; i < 3; i++) {
                lower[i] = 0;
                upper[i] = 0.001;
            }
        }
        double alpha = lower[0] + 0.2 * (upper[0] - lower[0]) / m;
        if (alpha > 1 || alpha < 0) {
            alpha = lower[0] + 0.002;
        }
        double beta = Double.NaN;
        if (spec.trend() != EtsComponent.NONE) {
            upper[1] = Math.min(upper[1], alpha);
            beta = lower[1] + 0.1 * (upper[1] - lower[1]);
            if (beta < 0 || beta > alpha) {
                beta = alpha - 0.001;
            }
        }
        double gamma = Double.NaN;
        if (spec.season() != EtsComponent.NONE) {
            upper[2] = Math.min(upper[2], 1 - alpha);
            gamma = lower[2] + 0.05 * (upper[2] - lower[2]);
            if (gamma < 0 || gamma > 1 - alpha) {
                gamma = 1 - alpha - 0.001;
            }
        }
        double phi = Double.NaN;
        if (spec.damped()) {
            phi = lower[3] + 0.99 * (upper[3] - lower[3]);
            if (phi < 0 || phi > 1) {
                phi = upper[3] - 0.001;
            }
        }
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    /**
     * R's {@code check.param} (and {@code EtsTargetFunction::check_params}): whether the parameters lie in the
     * usual and/or admissible region. Pass {@code NaN} for absent parameters. Allocation-free: it runs on every
     * likelihood evaluation.
     *
     * @param m the seasonal period of the model (1 when it has no season)
     */
    static boolean check(double alpha, double beta, double gamma, double phi, int m, EtsBounds bounds) {
        return check(alpha, beta, gamma, phi, m, bounds, new double[m + 2], new double[m + 2]);
    }

    /** As {@link #check(double, double, double, double, int, EtsBounds)} with work arrays of length ≥ m + 2. */
    static boolean check(double alpha, double beta, double gamma, double phi, int m, EtsBounds bounds,
                         double[] work, double[] work2) {
        if (bounds.checksUsual()) {
            if (alpha < LOWER[0] || alpha > UPPER[0]) {
                return false;
            }
            if (!Double.isNaN(beta) && (beta < LOWER[1] || beta > alpha || beta > UPPER[1])) {
                return false;
            }
            if (!Double.isNaN(phi) && (phi < LOWER[3] || phi > UPPER[3])) {
                return false;
            }
            if (!Double.isNaN(gamma) && (gamma < LOWER[2] || gamma > 1 - alpha || gamma > UPPER[2])) {
                return false;
            }
        }
        return !bounds.checksAdmissible() || EtsAdmissibility.admissible(alpha, beta, gamma, phi, m, work, work2);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("alpha=").append(alpha);
        if (!Double.isNaN(beta)) {
            sb.append(", beta=").append(beta);
        }
        if (!Double.isNaN(gamma)) {
            sb.append(", gamma=").append(gamma);
        }
        if (!Double.isNaN(phi)) {
            sb.append(", phi=").append(phi);
        }
        return sb.toString();
    }
}
