package io.trendcast.core.model.arima;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The stepwise model search of Hyndman &amp; Khandakar (2008, <i>J. Statistical Software</i> 27(3)), in the order
 * of {@code forecast::auto.arima} 8.20: four start models (ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0),
 * (0,d,1)(0,D,1)) and the null model without constant; then, from the current best, the neighbours that change
 * P, Q, (P, Q), p, q, (p, q) by one, and the constant toggled, moving to the first improvement and stopping when
 * no neighbour improves or {@code nmodels} models were tried. With the CSS approximation, candidates are then
 * refitted by maximum likelihood in order of their approximate criterion until one is admissible.
 */
final class StepwiseSearch {

    /** Search limits (R's {@code max.p}, …, {@code start.Q}, {@code nmodels}). */
    record Limits(int maxP, int maxQ, int maxSP, int maxSQ, int startP, int startQ, int startSP, int startSQ,
                  int nmodels) {
    }

    private record Tried(int p, int q, int sp, int sq, boolean constant, double ic) {
    }

    private final double[] x;
    private final int d;
    private final int sd;
    private final int m;
    private final ArimaEstimator estimator;
    private final ArimaEstimator.Criterion criterion;
    private final boolean approximation;
    private final double offset;
    private final List<Tried> results = new ArrayList<>();
    private ArimaEstimator.Candidate best;

    StepwiseSearch(double[] x, int d, int sd, int m, ArimaEstimator estimator, ArimaEstimator.Criterion criterion,
                   boolean approximation, double offset) {
        this.x = x;
        this.d = d;
        this.sd = sd;
        this.m = m;
        this.estimator = estimator;
        this.criterion = criterion;
        this.approximation = approximation;
        this.offset = offset;
    }

    /**
     * Runs the search.
     *
     * @param allowConstant whether a mean/drift is allowed (d + D ≤ 1 and enabled in the configuration)
     * @return the best candidate; its criterion is +∞ when nothing could be fitted
     */
    ArimaEstimator.Candidate run(Limits lim, boolean allowConstant) {
        int maxP = lim.maxP();
        int maxQ = lim.maxQ();
        int maxSP = lim.maxSP();
        int maxSQ = lim.maxSQ();
        int p = Math.min(lim.startP(), maxP);
        int q = Math.min(lim.startQ(), maxQ);
        int sp = Math.min(lim.startSP(), maxSP);
        int sq = Math.min(lim.startSQ(), maxSQ);
        boolean constant = allowConstant;
        best = fit(p, q, sp, sq, constant, true);
        if (tryModel(0, 0, 0, 0, constant)) {
            p = 0;
            q = 0;
            sp = 0;
            sq = 0;
        }
        if (maxP > 0 || maxSP > 0) {
            int np = maxP > 0 ? 1 : 0;
            int nsp = m > 1 && maxSP > 0 ? 1 : 0;
            if (tryModel(np, 0, nsp, 0, constant)) {
                p = np;
                sp = nsp;
                q = 0;
                sq = 0;
            }
        }
        if (maxQ > 0 || maxSQ > 0) {
            int nq = maxQ > 0 ? 1 : 0;
            int nsq = m > 1 && maxSQ > 0 ? 1 : 0;
            if (tryModel(0, nq, 0, nsq, constant)) {
                p = 0;
                sp = 0;
                q = nq;
                sq = nsq;
            }
        }
        if (constant && tryModel(0, 0, 0, 0, false)) {
            p = 0;
            q = 0;
            sp = 0;
            sq = 0;
        }
        int startk = 0;
        int[][] moves = {
            {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
            {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
            {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
            {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0},
        };
        while (startk < results.size() && results.size() < lim.nmodels()) {
            startk = results.size();
            boolean moved = false;
            for (int[] mv : moves) {
                int np = p + mv[0];
                int nq = q + mv[1];
                int nsp = sp + mv[2];
                int nsq = sq + mv[3];
                if (np < 0 || nq < 0 || nsp < 0 || nsq < 0 || np > maxP || nq > maxQ || nsp > maxSP || nsq > maxSQ
                        || !isNew(np, nq, nsp, nsq, constant) || results.size() >= lim.nmodels()) {
                    continue;
                }
                if (tryModel(np, nq, nsp, nsq, constant)) {
                    p = np;
                    q = nq;
                    sp = nsp;
                    sq = nsq;
                    moved = true;
                    break;
                }
            }
            if (moved) {
                continue;
            }
            if (allowConstant && isNew(p, q, sp, sq, !constant) && results.size() < lim.nmodels()
                    && tryModel(p, q, sp, sq, !constant)) {
                constant = !constant;
            }
        }
        if (approximation && best.model() != null) {
            refitWithoutApproximation();
        }
        return best;
    }

    private void refitWithoutApproximation() {
        List<Tried> order = new ArrayList<>(results);
        order.sort(Comparator.comparingDouble(Tried::ic));
        for (Tried t : order) {
            ArimaEstimator.Candidate c = estimator.fit(x, spec(t.p(), t.q(), t.sp(), t.sq(), t.constant()),
                    ArimaEstimator.Method.CSS_ML, criterion, 0).confirmed();
            if (c.ic() < Double.POSITIVE_INFINITY) {
                best = c;
                return;
            }
        }
    }

    /** Fits a model, records it, and makes it the best when it improves; returns whether it did. */
    private boolean tryModel(int p, int q, int sp, int sq, boolean constant) {
        ArimaEstimator.Candidate c = fit(p, q, sp, sq, constant, false);
        if (c.ic() < best.ic()) {
            best = c;
            return true;
        }
        return false;
    }

    /**
     * Fits and records a model. The covariance check runs only when the result is to be compared as the incumbent
     * ({@code first}) or would beat it, since a candidate that loses anyway is not affected by it.
     */
    private ArimaEstimator.Candidate fit(int p, int q, int sp, int sq, boolean constant, boolean first) {
        ArimaEstimator.Candidate c = estimator.fit(x, spec(p, q, sp, sq, constant),
                approximation ? ArimaEstimator.Method.CSS : ArimaEstimator.Method.CSS_ML, criterion, offset);
        if (first || c.ic() < best.ic()) {
            c = c.confirmed();
        }
        results.add(new Tried(p, q, sp, sq, constant, c.ic()));
        return c;
    }

    private ArimaSpec spec(int p, int q, int sp, int sq, boolean constant) {
        return m > 1 ? new ArimaSpec(p, d, q, sp, sd, sq, m, constant) : ArimaSpec.of(p, d, q, constant);
    }

    private boolean isNew(int p, int q, int sp, int sq, boolean constant) {
        for (Tried t : results) {
            if (t.p() == p && t.q() == q && t.sp() == sp && t.sq() == sq && t.constant() == constant) {
                return false;
            }
        }
        return true;
    }
}
