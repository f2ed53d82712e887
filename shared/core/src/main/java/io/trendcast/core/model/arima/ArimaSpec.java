package io.trendcast.core.model.arima;

import java.io.Serializable;

/**
 * The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model and whether it carries a constant. The constant is the
 * mean when there is no differencing ({@code d + D = 0}) and a drift (a linear trend regressor, as
 * {@code forecast::Arima(include.drift = TRUE)}) when there is exactly one difference; with two or more differences
 * it is not allowed.
 *
 * @param p        non-seasonal autoregressive order
 * @param d        non-seasonal differences
 * @param q        non-seasonal moving-average order
 * @param sp       seasonal autoregressive order P
 * @param sd       seasonal differences D
 * @param sq       seasonal moving-average order Q
 * @param period   seasonal period m (1 for non-seasonal models, which must have P = D = Q = 0)
 * @param constant whether a mean (d + D = 0) or drift (d + D = 1) term is estimated
 */
public record ArimaSpec(int p, int d, int q, int sp, int sd, int sq, int period, boolean constant)
        implements Serializable {

    public ArimaSpec {
        if (p < 0 || d < 0 || q < 0 || sp < 0 || sd < 0 || sq < 0) {
            throw new IllegalArgumentException("orders must be non-negative");
        }
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        if (period == 1 && (sp > 0 || sd > 0 || sq > 0)) {
            throw new IllegalArgumentException("seasonal orders need a period above 1");
        }
        if (constant && d + sd > 1) {
            throw new IllegalArgumentException("a constant needs at most one difference");
        }
    }

    /** A non-seasonal ARIMA(p,d,q). */
    public static ArimaSpec of(int p, int d, int q, boolean constant) {
        return new ArimaSpec(p, d, q, 0, 0, 0, 1, constant);
    }

    /** Total number of differences {@code d + D}. */
    public int differences() {
        return d + sd;
    }

    /** Number of ARMA coefficients {@code p + q + P + Q}. */
    public int armaCount() {
        return p + q + sp + sq;
    }

    /** Observations lost to differencing, {@code d + D·m}. */
    public int lostToDifferencing() {
        return d + sd * period;
    }

    /** Whether the constant acts as a drift (a linear trend) rather than a mean. */
    public boolean hasDrift() {
        return constant && differences() == 1;
    }

    /** Whether the constant acts as a mean. */
    public boolean hasMean() {
        return constant && differences() == 0;
    }

    /** The same orders with the constant switched on or off. */
    public ArimaSpec withConstant(boolean c) {
        return new ArimaSpec(p, d, q, sp, sd, sq, period, c);
    }

    /**
     * The model as {@code forecast::arima.string} prints it, e.g. {@code ARIMA(0,1,1)(0,1,1)[12]},
     * {@code ARIMA(1,1,0) with drift} or {@code ARIMA(2,0,0) with non-zero mean}.
     */
    public String description() {
        StringBuilder s = new StringBuilder("ARIMA(").append(p).append(',').append(d).append(',').append(q)
                .append(')');
        if (period > 1 && sp + sd + sq > 0) {
            s.append('(').append(sp).append(',').append(sd).append(',').append(sq).append(")[").append(period)
                    .append(']');
        }
        if (hasDrift()) {
            s.append(" with drift");
        } else if (hasMean()) {
            s.append(" with non-zero mean");
        } else if (differences() == 0) {
            s.append(" with zero mean");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return description();
    }
}
