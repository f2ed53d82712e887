package io.trendcast.core.model.intermittent;

/**
 * How an intermittent-demand method obtains its two smoothing parameters (demand size and interval or
 * probability): fixed values, or values minimising the in-sample mean squared one-step error over
 * {@code [LOWER, UPPER]²}.
 *
 * @param optimise  whether to estimate the parameters
 * @param size      smoothing parameter of the demand size when fixed
 * @param second    smoothing parameter of the inter-demand interval (Croston, SBA) or demand probability (TSB)
 *                  when fixed
 */
public record Smoothing(boolean optimise, double size, double second) {

    /** Smallest smoothing parameter searched when optimising. */
    public static final double LOWER = 0.01;
    /** Largest smoothing parameter searched when optimising. */
    public static final double UPPER = 1.0;
    /** R {@code forecast::croston}'s default parameter. */
    public static final double R_DEFAULT = 0.1;

    public Smoothing {
        if (!optimise && !(size > 0 && size <= 1 && second > 0 && second <= 1)) {
            throw new IllegalArgumentException("smoothing parameters must be in (0, 1], were " + size + ", " + second);
        }
    }

    /** The same fixed parameter for both components, as R {@code croston(x, alpha = a)}. */
    public static Smoothing fixed(double alpha) {
        return new Smoothing(false, alpha, alpha);
    }

    /** Fixed parameters for demand size and for the interval or probability. */
    public static Smoothing fixed(double size, double second) {
        return new Smoothing(false, size, second);
    }

    /** Both parameters chosen by minimising the in-sample mean squared one-step error. */
    public static Smoothing optimised() {
        return new Smoothing(true, Double.NaN, Double.NaN);
    }
}
