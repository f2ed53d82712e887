package io.trendcast.core.model.ets;

import io.trendcast.core.model.ModelException;
import io.trendcast.core.optim.NelderMead;

/**
 * Estimates one fully specified ETS model, R's {@code etsmodel()}: starting parameters ({@code initparam}) and
 * states ({@code initstate}), Nelder–Mead on the chosen criterion (R's {@code etsNelderMead}, at most
 * {@code maxit} evaluations), then the information criteria of the final fit (Hyndman et al. 2008, §5.2, §7.1).
 *
 * @param bounds    parameter space searched
 * @param criterion what the optimiser minimises
 * @param nmse      horizon of the AMSE criterion (1..30)
 * @param optimizer the Nelder–Mead settings (R: relative tolerance √ε, 2000 evaluations)
 */
record EtsEstimator(EtsBounds bounds, EtsOptimizationCriterion criterion, int nmse, NelderMead optimizer) {

    /**
     * Fits {@code spec} to {@code y}; returns null when the model has at least {@code n − 1} free values (R scores
     * it {@code Inf}).
     *
     * @param m seasonal period of the series
     * @throws ModelException when the starting values are out of range or the likelihood cannot be evaluated
     */
    EtsModel fit(double[] y, EtsSpec spec, int m) {
        int mm = spec.season() == EtsComponent.NONE ? 1 : m;
        EtsParameters start = EtsParameters.initial(spec, mm, bounds);
        if (!EtsParameters.check(start.alpha(), start.beta(), start.gamma(), start.phi(), mm, bounds)) {
            throw new ModelException("starting parameters out of range for " + spec);
        }
        double[] init = EtsInitialState.of(y, spec.trend(), spec.season(), m);
        int nPar = start.count();
        int np = nPar + init.length;
        int n = y.length;
        if (np >= n - 1) {
            return null;
        }
        double[] par = new double[np];
        int j = 0;
        par[j++] = start.alpha();
        if (spec.trend() != EtsComponent.NONE) {
            par[j++] = start.beta();
        }
        if (spec.season() != EtsComponent.NONE) {
            par[j++] = start.gamma();
        }
        if (spec.damped()) {
            par[j++] = start.phi();
        }
        System.arraycopy(init, 0, par, j, init.length);

        EtsTargetFunction target = new EtsTargetFunction(y, spec, m, init.length, bounds, criterion, nmse);
        NelderMead.Result opt;
        try {
            opt = optimizer.minimize(target, par);
        } catch (IllegalArgumentException e) {
            throw new ModelException("cannot evaluate " + spec + " at its starting values", e);
        }
        EtsParameters fitted = target.parameters(opt.x());
        double[] initialState = target.initialState(opt.x());

        EtsCalc calc = new EtsCalc(spec, m);
        calc.setParameters(fitted);
        calc.setState(initialState, 0);
        double[] e = new double[n];
        double lik = calc.run(y, e, null);
        double k = np + 1;
        double aic = lik + 2 * k;
        double bic = lik + Math.log(n) * k;
        double aicc = aic + 2 * k * (k + 1) / (n - k - 1);
        double sse = 0;
        for (double v : e) {
            sse += v * v;
        }
        double sigma2 = sse / (n - np);
        return new EtsModel(spec, m, fitted, initialState, calc.state(), sigma2, -0.5 * lik, aic, aicc, bic, n);
    }
}
