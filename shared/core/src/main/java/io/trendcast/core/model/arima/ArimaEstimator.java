package io.trendcast.core.model.arima;

import io.trendcast.core.optim.Bfgs;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Estimates one ARIMA model the way R's {@code stats::arima(method = "CSS-ML")} does, then scores it as
 * {@code forecast}'s {@code myarima}: conditional sum of squares for starting values, a stationarity check of the
 * CSS autoregression, exact maximum likelihood over PACF-transformed AR parameters (Jones 1980) with the Kalman
 * filter of {@link ArimaKalman}, MA roots reflected into the unit circle, then AICc with the model rejected when a
 * root lies within 1.01 of the unit circle. A drift is a regression on {@code 1..n}, a mean a regression on 1; both
 * start from least squares on the differenced data with {@code parscale = 10·se}, as R does.
 */
final class ArimaEstimator {

    /** Estimation method, as R's {@code method} argument. */
    enum Method { CSS, CSS_ML }

    /** Information criterion used to rank candidates. */
    enum Criterion { AICC, AIC, BIC }

    /**
     * A scored candidate: the model (null when estimation failed) and its criterion value (+∞ when it failed or
     * was rejected). The covariance check of {@link ArimaVariance} costs about as much as the fit, and only matters
     * for a candidate that would win, so it is deferred to {@link #confirmed()}.
     */
    record Candidate(ArimaSpec spec, ArimaModel model, double ic, BooleanSupplier check) {
        static Candidate failed(ArimaSpec spec) {
            return new Candidate(spec, null, Double.POSITIVE_INFINITY, null);
        }

        /** This candidate after the covariance check: unchanged when admissible, with ic +∞ otherwise. */
        Candidate confirmed() {
            if (check == null) {
                return this;
            }
            return check.getAsBoolean() ? new Candidate(spec, model, ic, null)
                    : new Candidate(spec, model, Double.POSITIVE_INFINITY, null);
        }
    }

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Bfgs optimizer;

    ArimaEstimator(Bfgs optimizer) {
        this.optimizer = optimizer;
    }

    /**
     * Fits and scores one specification; never throws for a bad candidate.
     *
     * @param offset added to the CSS criterion so that CSS and ML values are comparable (R's {@code offset})
     */
    Candidate fit(double[] x, ArimaSpec spec, Method method, Criterion criterion, double offset) {
        try {
            Problem pb = new Problem(x, spec, true);
            if (pb.nUsed <= 0) {
                return Candidate.failed(spec);
            }
            return method == Method.CSS ? fitCss(pb, criterion, offset) : fitMl(pb, criterion);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Candidate.failed(spec);
        }
    }

    /**
     * A model whose parameters are all fixed: no ARMA terms and a given constant (NaN for none), as
     * {@code auto.arima} builds for constant or polynomial series.
     */
    ArimaModel fixed(double[] x, ArimaSpec spec, double constant) {
        Problem pb = new Problem(x, spec, false);
        double[] coef = new double[pb.nxreg];
        if (pb.nxreg == 1) {
            coef[0] = constant;
        }
        double[][] ex = ArimaPolynomials.expand(spec, coef);
        ArimaKalman.Pass pass = ArimaKalman.run(pb.differenced(coef), ex[0], ex[1], true);
        double sigma2 = pass.nu() > 0 ? pass.ssq() / pb.nUsed : 0.0;
        double loglik = -0.5 * (2 * pb.nUsed * safeObjective(pass) + pb.nUsed + pb.nUsed * LOG_2PI);
        return pb.model(coef, sigma2, sigma2, loglik, -2 * loglik + 2, Double.NaN, Double.NaN, pass);
    }

    /**
     * R's AIC offset for the CSS approximation: {@code -2·loglik - n·log(σ²)} of the (0,d,0)(0,D,0) model fitted by
     * CSS-ML, or 0 when that fit fails.
     */
    double cssOffset(double[] x, ArimaSpec spec) {
        Candidate c = fit(x, spec, Method.CSS_ML, Criterion.AIC, 0);
        if (c.model() == null) {
            return 0.0;
        }
        return -2 * c.model().loglik() - x.length * Math.log(c.model().rawSigma2());
    }

    private Candidate fitCss(Problem pb, Criterion criterion, double offset) {
        // The stepwise search of long series fits dozens of models by CSS; exact gradients make each fit several
        // times cheaper than R's central differences. Refits by CSS-ML keep R's path for parity.
        Bfgs.Result res = pb.complete
                ? optimizer.minimize(pb::cssObjective, pb::cssGradient, pb.init, pb.parscale)
                : optimizer.minimize(pb::cssObjective, pb.init, pb.parscale);
        double[] coef = res.par();
        double[][] ex = ArimaPolynomials.expand(pb.spec, coef);
        double[] resid = new double[pb.n];
        double sigma2 = ArimaCss.meanSquare(pb.minusXreg(coef), pb.spec, ex[0], ex[1], pb.ncond, resid,
                new double[pb.n]);
        ArimaKalman.Pass pass = ArimaKalman.run(pb.differenced(coef), ex[0], ex[1], false);
        if (pass == null) {
            return Candidate.failed(pb.spec);
        }
        double loglik = -0.5 * (2 * pb.nUsed * res.value() + pb.nUsed + pb.nUsed * LOG_2PI);
        double aic = offset + pb.nstar * Math.log(sigma2) + 2 * pb.npar();
        BooleanSupplier check = () -> ArimaVariance.admissible(pb.spec,
                optimizer.hessian(pb::cssObjective, coef, pb.parscale), coef, pb.nUsed, false);
        return score(pb, coef, sumSquares(resid), sigma2, loglik, aic, criterion, pass, check);
    }

    private Candidate fitMl(Problem pb, Criterion criterion) {
        ArimaSpec s = pb.spec;
        double[] init = pb.init.clone();
        if (pb.init.length > 0) {
            // Starting values only. On long series (where auto.arima approximates anyway) the exact gradient makes
            // this CSS fit several times cheaper; the maximum-likelihood fit from it is R's.
            Bfgs.Result css = pb.complete && pb.isLong()
                    ? optimizer.minimize(pb::cssObjective, pb::cssGradient, pb.init, pb.parscale)
                    : optimizer.minimize(pb::cssObjective, pb.init, pb.parscale);
            if (css.converged()) {
                init = css.par();
            }
        }
        int sar = s.p() + s.q();
        if (!ArimaPolynomials.arCheck(init, 0, s.p()) || !ArimaPolynomials.arCheck(init, sar, s.sp())) {
            return Candidate.failed(s);
        }
        ArimaPolynomials.invpartrans(init, 0, s.p(), init);
        ArimaPolynomials.invpartrans(init, sar, s.sp(), init);
        ArimaPolynomials.maInvert(init, s.p(), s.q());
        ArimaPolynomials.maInvert(init, sar + s.sp(), s.sq());
        Bfgs.Result res = optimizer.minimize(pb::mlObjective, init, pb.parscale);
        double[] coef = res.par().clone();
        ArimaPolynomials.maInvert(coef, s.p(), s.q());
        ArimaPolynomials.maInvert(coef, sar + s.sp(), s.sq());
        BooleanSupplier check = () -> ArimaVariance.admissible(s,
                optimizer.hessian(pb::mlObjective, coef, pb.parscale), coef, pb.nUsed, true);
        double[] natural = pb.transform(coef);
        double[][] ex = ArimaPolynomials.expand(s, natural);
        ArimaKalman.Pass pass = ArimaKalman.run(pb.differenced(natural), ex[0], ex[1], true);
        if (pass == null) {
            return Candidate.failed(s);
        }
        double value = pass.objective();
        double loglik = -0.5 * (2 * pb.nUsed * value + pb.nUsed + pb.nUsed * LOG_2PI);
        double aic = -2 * loglik + 2 * natural.length + 2;
        return score(pb, natural, sumSquares(pass.resid()), pass.ssq() / pb.nUsed, loglik, aic, criterion, pass,
                check);
    }

    private Candidate score(Problem pb, double[] coef, double rss, double rawSigma2, double loglik, double aic,
                            Criterion criterion, ArimaKalman.Pass pass, BooleanSupplier check) {
        ArimaSpec s = pb.spec;
        int npar = pb.npar();
        double ic;
        double aicc = Double.POSITIVE_INFINITY;
        double bic = Double.POSITIVE_INFINITY;
        if (Double.isNaN(aic)) {
            aic = Double.POSITIVE_INFINITY;
            ic = aic;
        } else {
            bic = aic + npar * (Math.log(pb.nstar) - 2);
            aicc = aic + 2.0 * npar * (npar + 1) / (pb.nstar - npar - 1);
            ic = switch (criterion) {
                case AICC -> aicc;
                case AIC -> aic;
                case BIC -> bic;
            };
        }
        double sigma2 = rss / (pb.nstar - npar + 1);
        double minRoot = 2;
        if (s.p() + s.sp() > 0) {
            minRoot = Math.min(minRoot, factoredMinRoot(coef, 0, s.p(), s.p() + s.q(), s.sp(), s.period(), -1));
        }
        if (s.q() + s.sq() > 0 && ic < Double.POSITIVE_INFINITY) {
            minRoot = Math.min(minRoot, factoredMinRoot(coef, s.p(), s.q(), s.p() + s.q() + s.sp(), s.sq(),
                    s.period(), 1));
        }
        if (minRoot < 1.01 || Double.isNaN(ic) || !(sigma2 >= 0)) {
            ic = Double.POSITIVE_INFINITY;
        }
        ArimaModel model = pb.model(coef, sigma2, rawSigma2, loglik, aic, aicc, bic, pass);
        return new Candidate(s, model, ic, ic < Double.POSITIVE_INFINITY ? check : null);
    }

    /**
     * Smallest root modulus of {@code φ(B)·Φ(B^m)}: the seasonal factor's roots are m-th roots of its own, so the
     * product's smallest modulus is {@code min(|z_φ|, |z_Φ|^(1/m))} (the same number {@code polyroot} gives on the
     * expanded polynomial).
     */
    private static double factoredMinRoot(double[] coef, int off, int len, int soff, int slen, int m, double sign) {
        double[] ns = Arrays.copyOfRange(coef, off, off + len);
        double[] ss = Arrays.copyOfRange(coef, soff, soff + slen);
        double r = ArimaPolynomials.minRootModulus(ns, sign);
        double rs = ArimaPolynomials.minRootModulus(ss, sign);
        return Math.min(r, Math.pow(rs, 1.0 / m));
    }

    private static double sumSquares(double[] v) {
        double s = 0;
        for (double e : v) {
            if (!Double.isNaN(e)) {
                s += e * e;
            }
        }
        return s;
    }

    private static double safeObjective(ArimaKalman.Pass pass) {
        return pass.nu() > 0 ? pass.objective() : 0.0;
    }

    /** The data and fixed quantities of one estimation (R's local variables in {@code arima}). */
    static final class Problem {
        final double[] x;
        final ArimaSpec spec;
        final int n;
        final int nxreg;
        final double[] xreg;
        final double[] delta;
        final int nUsed;
        final int nstar;
        final int ncond;
        final double[] init;
        final double[] parscale;
        /** No missing values: the exact CSS gradient applies. */
        final boolean complete;
        private final double[] work;
        private final double[] differencedXreg;
        /** d ssq / d w, innovations and their adjoints, reused by every gradient of this (single-threaded) fit. */
        private double[][] gradientScratch;

        Problem(double[] x, ArimaSpec spec, boolean regressionStart) {
            this.x = x;
            this.spec = spec;
            this.n = x.length;
            this.nxreg = spec.constant() ? 1 : 0;
            this.xreg = new double[n];
            for (int t = 0; t < n; t++) {
                xreg[t] = spec.hasDrift() ? t + 1 : 1.0;
            }
            this.delta = deltaPolynomial(spec);
            this.nUsed = n - delta.length;
            this.nstar = n - spec.lostToDifferencing();
            this.ncond = spec.lostToDifferencing() + spec.p() + spec.period() * spec.sp();
            int narma = spec.armaCount();
            this.init = new double[narma + nxreg];
            this.parscale = new double[narma + nxreg];
            Arrays.fill(parscale, 1.0);
            if (nxreg == 1 && regressionStart) {
                double[] ls = regressionStart();
                init[narma] = ls[0];
                parscale[narma] = 10 * ls[1];
                if (!(parscale[narma] > 0) || !Double.isFinite(parscale[narma])) {
                    throw new IllegalArgumentException("degenerate regression start");
                }
            }
            this.work = new double[n];
            this.complete = Arrays.stream(x).allMatch(Double::isFinite);
            this.differencedXreg = xreg.clone();
            ArimaCss.difference(differencedXreg, spec);
        }

        int npar() {
            return init.length + 1;
        }

        /** A series auto.arima searches with the CSS approximation by default ({@code n > 150} or {@code m > 12}). */
        boolean isLong() {
            return n > 150 || spec.period() > 12;
        }

        /** Least squares of the differenced series on the differenced regressor: {@code {coef, se}}. */
        private double[] regressionStart() {
            double[] dx = difference(x, spec);
            double[] dz = difference(xreg, spec);
            if (dx.length <= 1) {
                dx = x;
                dz = xreg;
            }
            double szz = 0;
            double szx = 0;
            for (int t = 0; t < dx.length; t++) {
                szz += dz[t] * dz[t];
                szx += dz[t] * dx[t];
            }
            double b = szx / szz;
            double rss = 0;
            for (int t = 0; t < dx.length; t++) {
                double e = dx[t] - b * dz[t];
                rss += e * e;
            }
            double se = Math.sqrt(rss / (dx.length - 1) / szz);
            return new double[] {b, se};
        }

        double[] minusXreg(double[] coef) {
            double[] y = x.clone();
            if (nxreg == 1) {
                double b = coef[coef.length - 1];
                for (int t = 0; t < n; t++) {
                    y[t] -= b * xreg[t];
                }
            }
            return y;
        }

        double[] differenced(double[] coef) {
            return difference(minusXreg(coef), spec);
        }

        double cssObjective(double[] par) {
            double[][] ex = ArimaPolynomials.expand(spec, par);
            double ms = ArimaCss.meanSquare(minusXreg(par), spec, ex[0], ex[1], ncond, null, work);
            return 0.5 * Math.log(ms);
        }

        /** The exact gradient of {@link #cssObjective} (series without missing values). */
        void cssGradient(double[] par, double[] out) {
            double[][] ex = ArimaPolynomials.expand(spec, par);
            double[] gPhi = new double[ex[0].length];
            double[] gTheta = new double[ex[1].length];
            if (gradientScratch == null) {
                gradientScratch = new double[3][n];
            }
            double[] gW = gradientScratch[0];
            double ssq = ArimaCss.sumSquaresGradient(minusXreg(par), spec, ex[0], ex[1], ncond, gPhi, gTheta, gW,
                    work, gradientScratch[1], gradientScratch[2]);
            double scale = 0.5 / ssq;
            int p = spec.p();
            int q = spec.q();
            int sp = spec.sp();
            int sq = spec.sq();
            int m = spec.period();
            int sar = p + q;
            int sma = sar + sp;
            for (int i = 0; i < p; i++) {
                double g = gPhi[i];
                for (int j = 0; j < sp; j++) {
                    g -= par[sar + j] * gPhi[(j + 1) * m + i];
                }
                out[i] = scale * g;
            }
            for (int i = 0; i < q; i++) {
                double g = gTheta[i];
                for (int j = 0; j < sq; j++) {
                    g += par[sma + j] * gTheta[(j + 1) * m + i];
                }
                out[p + i] = scale * g;
            }
            for (int j = 0; j < sp; j++) {
                double g = gPhi[(j + 1) * m - 1];
                for (int i = 0; i < p; i++) {
                    g -= par[i] * gPhi[(j + 1) * m + i];
                }
                out[sar + j] = scale * g;
            }
            for (int j = 0; j < sq; j++) {
                double g = gTheta[(j + 1) * m - 1];
                for (int i = 0; i < q; i++) {
                    g += par[p + i] * gTheta[(j + 1) * m + i];
                }
                out[sma + j] = scale * g;
            }
            if (nxreg == 1) {
                double g = 0;
                for (int t = 0; t < n; t++) {
                    g -= gW[t] * differencedXreg[t];
                }
                out[par.length - 1] = scale * g;
            }
        }

        double mlObjective(double[] par) {
            double[] natural = transform(par);
            double[][] ex = ArimaPolynomials.expand(spec, natural);
            double v = ArimaKalman.objective(differenced(natural), ex[0], ex[1]);
            return Double.isNaN(v) ? Double.MAX_VALUE : v;
        }

        /** AR parts from the PACF scale back to coefficients; everything else unchanged. */
        double[] transform(double[] par) {
            double[] out = par.clone();
            ArimaPolynomials.partrans(par, 0, spec.p(), out);
            ArimaPolynomials.partrans(par, spec.p() + spec.q(), spec.sp(), out);
            return out;
        }

        ArimaModel model(double[] coef, double sigma2, double rawSigma2, double loglik, double aic, double aicc,
                         double bic, ArimaKalman.Pass pass) {
            double[][] ex = ArimaPolynomials.expand(spec, coef);
            int r = pass.a().length;
            int d = delta.length;
            int rd = r + d;
            double[] a = new double[rd];
            double[] pm = new double[rd * rd];
            System.arraycopy(pass.a(), 0, a, 0, r);
            for (int i = 0; i < r; i++) {
                System.arraycopy(pass.p(), i * r, pm, i * rd, r);
            }
            double[] y = minusXreg(coef);
            for (int i = 0; i < d; i++) {
                a[r + i] = y[n - 2 - i];
            }
            double c = nxreg == 1 ? coef[coef.length - 1] : Double.NaN;
            double[] arma = Arrays.copyOf(coef, spec.armaCount());
            return new ArimaModel(spec, arma, c, new double[] {sigma2, rawSigma2, loglik, aic, aicc, bic}, n, ex,
                    delta, a, pm);
        }
    }

    /** Coefficients δ of {@code y_t = Σ δᵢ y_{t-i} + w_t} for the differencing {@code (1-B)^d (1-B^m)^D}. */
    static double[] deltaPolynomial(ArimaSpec s) {
        double[] poly = {1.0};
        for (int i = 0; i < s.d(); i++) {
            poly = multiply(poly, new double[] {1.0, -1.0});
        }
        for (int i = 0; i < s.sd(); i++) {
            double[] f = new double[s.period() + 1];
            f[0] = 1.0;
            f[s.period()] = -1.0;
            poly = multiply(poly, f);
        }
        double[] delta = new double[poly.length - 1];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = -poly[i + 1];
        }
        return delta;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    /** Applies the model's differences to a series. */
    static double[] difference(double[] y, ArimaSpec s) {
        double[] w = y.clone();
        int len = w.length;
        for (int k = 0; k < s.sd(); k++) {
            int m = s.period();
            if (len <= m) {
                return new double[0];
            }
            for (int t = len - 1; t >= m; t--) {
                w[t] -= w[t - m];
            }
            System.arraycopy(w, m, w, 0, len - m);
            len -= m;
        }
        for (int k = 0; k < s.d(); k++) {
            if (len <= 1) {
                return new double[0];
            }
            for (int t = len - 1; t >= 1; t--) {
                w[t] -= w[t - 1];
            }
            System.arraycopy(w, 1, w, 0, len - 1);
            len -= 1;
        }
        return Arrays.copyOf(w, len);
    }
}
