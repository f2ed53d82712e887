package io.trendcast.core.model.ets;

/**
 * The ETS recursions of R's {@code src/etscalc.c}: one-step forecasts, state updates, the likelihood
 * ({@code etscalc}), multi-step point forecasts ({@code etsforecast}) and simulation ({@code etssimulate})
 * (Hyndman et al. 2008, tables 2.2 and 2.3; §5.2 for the likelihood).
 *
 * <p>The state is R's vector {@code l, [b], s0 … s(m−1)} where {@code s0} is the most recent seasonal state and
 * {@code s(m−1)} the one from {@code m} periods ago. R shifts the seasonal array every step; here the seasons live
 * in a ring buffer, so one step costs O(1) whatever the period. An instance is mutable, owned by one thread, and
 * reused across the thousands of likelihood evaluations of one fit without allocating.
 */
final class EtsCalc {

    private static final int NONE = 0;
    private static final int ADD = 1;
    private static final int MULT = 2;
    /** etscalc.c's {@code TOL}. */
    private static final double TOL = 1.0e-10;
    /** etscalc.c's {@code HUGEN}. */
    private static final double HUGEN = 1.0e10;
    private static final double LN2 = Math.log(2.0);

    private final int m;
    private final int error;
    private final int trend;
    private final int season;
    private final double[] s;
    /** Ring-buffer index of s(m−1); s(j) lives at {@code (last + 1 + j) mod m}. */
    private int last;
    private double l;
    private double b;
    private double alpha;
    /** β/α, which etscalc.c recomputes every step. */
    private double betaOverAlpha;
    private double gamma;
    private double phi;

    /**
     * @param m seasonal period; ignored (taken as 1) for non-seasonal specs
     */
    EtsCalc(EtsSpec spec, int m) {
        this.error = spec.error().code();
        this.trend = spec.trend().code();
        this.season = spec.season().code();
        this.m = season == NONE ? 1 : m;
        this.s = new double[this.m];
    }

    /** Number of states: {@code 1 + [1] + [m]}. */
    int stateLength() {
        return 1 + (trend > NONE ? 1 : 0) + (season > NONE ? m : 0);
    }

    /** Sets α, β, γ, φ as etscalc expects them: β = 0 without trend, γ = 0 without season, φ = 1 undamped. */
    void setParameters(double alpha, double beta, double gamma, double phi) {
        this.alpha = alpha;
        this.betaOverAlpha = beta / alpha;
        this.gamma = gamma;
        this.phi = phi;
    }

    void setParameters(EtsParameters p) {
        setParameters(p.alpha(), p.betaOrZero(), p.gammaOrZero(), p.phiOrOne());
    }

    /** Loads the state {@code x[offset …]} laid out as {@code l, [b], s0 … s(m−1)}. */
    void setState(double[] x, int offset) {
        l = x[offset];
        int k = offset + 1;
        if (trend > NONE) {
            b = x[k++];
        } else {
            b = 0;
        }
        if (season > NONE) {
            System.arraycopy(x, k, s, 0, m);
        }
        last = m - 1;
    }

    /** A copy of the current state in R's layout. */
    double[] state() {
        double[] x = new double[stateLength()];
        x[0] = l;
        int k = 1;
        if (trend > NONE) {
            x[k++] = b;
        }
        if (season > NONE) {
            for (int j = 0; j < m; j++) {
                x[k + j] = s[(last + 1 + j) % m];
            }
        }
        return x;
    }

    /** R's {@code forecast(…, h = 1)}: the one-step point forecast, {@code NaN} for R's NA (negative growth). */
    double oneStep() {
        double f;
        if (trend == NONE) {
            f = l;
        } else if (trend == ADD) {
            f = l + phi * b;
        } else if (b < 0) {
            return Double.NaN;
        } else {
            f = l * Math.pow(b, phi);
        }
        if (season == ADD) {
            f += s[last];
        } else if (season == MULT) {
            f *= s[last];
        }
        return f;
    }

    /** R's {@code update()}: the state after observing {@code y}. */
    void update(double y) {
        double q;
        double phib;
        if (trend == NONE) {
            q = l;
            phib = 0;
        } else if (trend == ADD) {
            phib = phi * b;
            q = l + phib;
        } else if (Math.abs(phi - 1.0) < TOL) {
            phib = b;
            q = l * b;
        } else {
            phib = Math.pow(b, phi);
            q = l * phib;
        }
        double oldS = s[last];
        double p;
        if (season == NONE) {
            p = y;
        } else if (season == ADD) {
            p = y - oldS;
        } else {
            p = Math.abs(oldS) < TOL ? HUGEN : y / oldS;
        }
        double oldl = l;
        l = q + alpha * (p - q);
        if (trend > NONE) {
            double r;
            if (trend == ADD) {
                r = l - oldl;
            } else {
                r = Math.abs(oldl) < TOL ? HUGEN : l / oldl;
            }
            b = phib + betaOverAlpha * (r - phib);
        }
        if (season > NONE) {
            double t;
            if (season == ADD) {
                t = y - q;
            } else {
                t = Math.abs(q) < TOL ? HUGEN : y / q;
            }
            // the oldest season's slot becomes the newest: s0 ← s(m−1) + γ (t − s(m−1)), the rest shift by one
            s[last] = oldS + gamma * (t - oldS);
            last = last == 0 ? m - 1 : last - 1;
        }
    }

    /**
     * R's {@code forecast()}: point forecasts for steps 1..h from the current state, into {@code f[0 … h−1]}.
     * A {@code NaN} is R's NA (multiplicative trend with negative growth).
     */
    void forecast(double[] f, int h) {
        double phistar = phi;
        for (int i = 0; i < h; i++) {
            double v;
            if (trend == NONE) {
                v = l;
            } else if (trend == ADD) {
                v = l + phistar * b;
            } else if (b < 0) {
                v = Double.NaN;
            } else {
                v = l * Math.pow(b, phistar);
            }
            int j = Math.floorMod(m - 1 - i, m);
            if (season == ADD) {
                v += s[(last + 1 + j) % m];
            } else if (season == MULT) {
                v *= s[(last + 1 + j) % m];
            }
            f[i] = v;
            if (i < h - 1) {
                phistar = Math.abs(phi - 1.0) < TOL ? phistar + 1.0 : phistar + Math.pow(phi, i + 1);
            }
        }
    }

    /**
     * R's {@code etscalc}: runs the filter over {@code y} from the current state and returns its likelihood
     * criterion {@code n log Σe² [+ 2 Σ log|f|]} (twice the negative log-likelihood up to a constant), or
     * {@code NaN} when a forecast is undefined. Leaves the final state in place.
     *
     * @param e    receives the innovations (absolute for additive, relative for multiplicative errors), or null
     * @param amse receives the in-sample mean squared 1..amse.length-step errors (R's {@code amse}), or null
     */
    double run(double[] y, double[] e, double[] amse) {
        int n = y.length;
        int nmse = amse == null ? 0 : amse.length;
        double[] f = nmse > 0 ? new double[nmse] : null;
        double[] denom = nmse > 0 ? new double[nmse] : null;
        double lik = 0.0;
        // Σ log|f| is kept as a product split into mantissa and binary exponent: one log per run, not per step.
        double prod = 1.0;
        long exponent = 0;
        for (int i = 0; i < n; i++) {
            double f0;
            if (nmse > 0) {
                forecast(f, nmse);
                f0 = f[0];
                for (int j = 0; j < nmse; j++) {
                    if (i + j < n) {
                        denom[j] += 1.0;
                        double tmp = y[i + j] - f[j];
                        amse[j] = (amse[j] * (denom[j] - 1.0) + tmp * tmp) / denom[j];
                    }
                }
            } else {
                f0 = oneStep();
            }
            if (Double.isNaN(f0)) {
                return Double.NaN;
            }
            double ei = error == ADD ? y[i] - f0 : (y[i] - f0) / f0;
            if (e != null) {
                e[i] = ei;
            }
            update(y[i]);
            lik += ei * ei;
            if (error == MULT) {
                prod *= Math.abs(f0);
                int ex = Math.getExponent(prod);
                if (ex > -1000 && ex < 1000) {
                    prod = Math.scalb(prod, -ex);
                    exponent += ex;
                }
            }
        }
        lik = n * Math.log(lik);
        if (error == MULT) {
            lik += 2 * (Math.log(prod) + exponent * LN2);
        }
        return lik;
    }

    /**
     * The likelihood criterion of {@link #run} without innovations or AMSE: the same arithmetic as
     * {@link #oneStep} and {@link #update} in one loop over locals, because the optimiser calls it thousands of
     * times per model. Leaves the final state in place.
     */
    double likelihood(double[] y) {
        final int n = y.length;
        final boolean multError = error == MULT;
        final double[] st = s;
        final int mm = m;
        double lv = l;
        double bv = b;
        int ls = last;
        double sse = 0.0;
        double prod = 1.0;
        long exponent = 0;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            double q;
            double phib;
            if (trend == NONE) {
                q = lv;
                phib = 0;
            } else if (trend == ADD) {
                phib = phi * bv;
                q = lv + phib;
            } else {
                if (bv < 0) {
                    return Double.NaN;
                }
                phib = Math.abs(phi - 1.0) < TOL ? bv : Math.pow(bv, phi);
                q = lv * phib;
            }
            double oldS = st[ls];
            double f0;
            double p;
            if (season == NONE) {
                f0 = q;
                p = yi;
            } else if (season == ADD) {
                f0 = q + oldS;
                p = yi - oldS;
            } else {
                f0 = q * oldS;
                p = Math.abs(oldS) < TOL ? HUGEN : yi / oldS;
            }
            double ei;
            if (multError) {
                ei = (yi - f0) / f0;
                prod *= Math.abs(f0);
                int ex = Math.getExponent(prod);
                if (ex > -1000 && ex < 1000) {
                    prod = Math.scalb(prod, -ex);
                    exponent += ex;
                }
            } else {
                ei = yi - f0;
            }
            sse += ei * ei;
            double oldl = lv;
            lv = q + alpha * (p - q);
            if (trend == ADD) {
                bv = phib + betaOverAlpha * (lv - oldl - phib);
            } else if (trend == MULT) {
                double r = Math.abs(oldl) < TOL ? HUGEN : lv / oldl;
                bv = phib + betaOverAlpha * (r - phib);
            }
            if (season != NONE) {
                double t = season == ADD ? yi - q : (Math.abs(q) < TOL ? HUGEN : yi / q);
                st[ls] = oldS + gamma * (t - oldS);
                ls = ls == 0 ? mm - 1 : ls - 1;
            }
        }
        l = lv;
        b = bv;
        last = ls;
        double lik = n * Math.log(sse);
        if (multError) {
            lik += 2 * (Math.log(prod) + exponent * LN2);
        }
        return lik;
    }

    /**
     * R's {@code etssimulate}: a future path from the current state driven by the innovations {@code e}, into
     * {@code out}; returns false when the path is undefined (R's NA). Changes the state.
     */
    boolean simulate(double[] e, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double f0 = oneStep();
            if (Double.isNaN(f0)) {
                return false;
            }
            out[i] = error == ADD ? f0 + e[i] : f0 * (1.0 + e[i]);
            update(out[i]);
        }
        return true;
    }

    /**
     * Appends the seasonal state R leaves implicit: {@code s(m−1) = m·[multiplicative] − Σ s0 … s(m−2)}, so the
     * seasons sum to 0 (additive) or {@code m} (multiplicative). Returns the full state vector.
     *
     * @param x R's estimated states {@code l, [b], s0 … s(m−2)}, read from {@code offset}
     */
    static double[] completeSeasons(double[] x, int offset, int count, EtsSpec spec, int m, double[] out) {
        System.arraycopy(x, offset, out, 0, count);
        if (spec.season() != EtsComponent.NONE) {
            int first = spec.trend() != EtsComponent.NONE ? 2 : 1;
            double sum = 0;
            for (int i = first; i < count; i++) {
                sum += out[i];
            }
            out[count] = (spec.season() == EtsComponent.MULTIPLICATIVE ? m : 0) - sum;
        }
        return out;
    }
}
