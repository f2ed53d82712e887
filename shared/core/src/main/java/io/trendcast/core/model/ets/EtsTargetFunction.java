package io.trendcast.core.model.ets;

import io.trendcast.core.optim.NelderMead;

/**
 * The objective the optimiser minimises, R's {@code EtsTargetFunction::eval} ({@code src/etsTargetFunction.cpp}):
 * the vector {@code α, [β], [γ], [φ], l, [b], s0 … s(m−2)} is checked against the bounds, completed with the
 * implied last seasonal state, rejected when a multiplicative season goes negative, and filtered by
 * {@link EtsCalc}. Infeasible points score {@code +∞}; perfect fits are floored at {@code −1e10}.
 *
 * <p>Allocation-free per evaluation; one instance per fit (not thread-safe).
 */
final class EtsTargetFunction implements NelderMead.Objective {

    private final double[] y;
    private final EtsSpec spec;
    private final int m;
    private final EtsBounds bounds;
    private final EtsOptimizationCriterion criterion;
    private final int nParams;
    private final int nStates;
    private final EtsCalc calc;
    private final double[] state;
    private final double[] e;
    private final int nmse;
    private final double[] work;
    private final double[] work2;

    EtsTargetFunction(double[] y, EtsSpec spec, int m, int nStates, EtsBounds bounds,
                      EtsOptimizationCriterion criterion, int nmse) {
        this.y = y;
        this.spec = spec;
        this.m = spec.season() == EtsComponent.NONE ? 1 : m;
        this.bounds = bounds;
        this.criterion = criterion;
        this.nParams = 1 + (spec.trend() != EtsComponent.NONE ? 1 : 0)
                + (spec.season() != EtsComponent.NONE ? 1 : 0) + (spec.damped() ? 1 : 0);
        this.nStates = nStates;
        this.calc = new EtsCalc(spec, m);
        this.state = new double[calc.stateLength()];
        this.e = criterion == EtsOptimizationCriterion.SIGMA || criterion == EtsOptimizationCriterion.MAE
                ? new double[y.length] : null;
        this.nmse = nmse;
        this.work = new double[this.m + 2];
        this.work2 = new double[this.m + 2];
    }

    /** Number of smoothing parameters at the front of the optimised vector. */
    int parameterCount() {
        return nParams;
    }

    /** The smoothing parameters held in {@code par}. */
    EtsParameters parameters(double[] par) {
        int j = 0;
        double alpha = par[j++];
        double beta = spec.trend() != EtsComponent.NONE ? par[j++] : Double.NaN;
        double gamma = spec.season() != EtsComponent.NONE ? par[j++] : Double.NaN;
        double phi = spec.damped() ? par[j] : Double.NaN;
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    /** The full initial state held in {@code par} (with the implied last season). */
    double[] initialState(double[] par) {
        return EtsCalc.completeSeasons(par, nParams, nStates, spec, m, new double[calc.stateLength()]);
    }

    @Override
    public double value(double[] par) {
        int j = 0;
        double alpha = par[j++];
        double beta = spec.trend() != EtsComponent.NONE ? par[j++] : Double.NaN;
        double gamma = spec.season() != EtsComponent.NONE ? par[j++] : Double.NaN;
        double phi = spec.damped() ? par[j] : Double.NaN;
        if (!EtsParameters.check(alpha, beta, gamma, phi, m, bounds, work, work2)) {
            return Double.POSITIVE_INFINITY;
        }
        EtsCalc.completeSeasons(par, nParams, nStates, spec, m, state);
        if (spec.season() == EtsComponent.MULTIPLICATIVE) {
            for (int i = spec.trend() != EtsComponent.NONE ? 2 : 1; i < state.length; i++) {
                if (state[i] < 0) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        calc.setParameters(alpha, Double.isNaN(beta) ? 0 : beta, Double.isNaN(gamma) ? 0 : gamma,
                Double.isNaN(phi) ? 1 : phi);
        calc.setState(state, 0);
        double[] amse = criterion == EtsOptimizationCriterion.MSE || criterion == EtsOptimizationCriterion.AMSE
                ? new double[nmse] : null;
        double lik = e == null && amse == null ? calc.likelihood(y) : calc.run(y, e, amse);
        if (lik < -1e10) {
            lik = -1e10;
        }
        if (Double.isNaN(lik)) {
            return Double.POSITIVE_INFINITY;
        }
        return switch (criterion) {
            case LIKELIHOOD -> lik;
            case MSE -> amse[0];
            case AMSE -> mean(amse);
            case SIGMA -> meanSquare(e);
            case MAE -> meanAbs(e);
        };
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static double meanSquare(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s / a.length;
    }

    private static double meanAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s / a.length;
    }
}
