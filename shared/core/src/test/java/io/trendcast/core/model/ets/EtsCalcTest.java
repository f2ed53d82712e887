package io.trendcast.core.model.ets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EtsCalcTest {

    private static final double[] Y = {10, 12, 11, 13, 15, 14, 16, 18, 17, 19, 21, 20};

    /** ETS(A,N,N) is simple exponential smoothing: l_t = l_{t-1} + α e_t, likelihood n log Σe². */
    @Test
    void simpleExponentialSmoothingByHand() {
        EtsCalc calc = new EtsCalc(new EtsSpec(EtsComponent.ADDITIVE, EtsComponent.NONE, EtsComponent.NONE, false), 1);
        calc.setParameters(0.3, 0, 0, 1);
        calc.setState(new double[] {10}, 0);
        double[] e = new double[Y.length];
        double lik = calc.run(Y, e, null);
        double l = 10;
        double sse = 0;
        for (int t = 0; t < Y.length; t++) {
            double err = Y[t] - l;
            assertEquals(err, e[t], 1e-12);
            sse += err * err;
            l += 0.3 * err;
        }
        assertEquals(Y.length * Math.log(sse), lik, 1e-10);
        assertEquals(l, calc.state()[0], 1e-12);
    }

    /** The fast likelihood loop and the general one agree for every component combination. */
    @Test
    void likelihoodLoopMatchesGeneralLoop() {
        int m = 4;
        for (EtsComponent error : new EtsComponent[] {EtsComponent.ADDITIVE, EtsComponent.MULTIPLICATIVE}) {
            for (EtsComponent trend : EtsComponent.values()) {
                for (EtsComponent season : EtsComponent.values()) {
                    for (boolean damped : new boolean[] {false, true}) {
                        if (damped && trend == EtsComponent.NONE) {
                            continue;
                        }
                        EtsSpec spec = new EtsSpec(error, trend, season, damped);
                        double[] x0 = initial(trend, season, m);
                        EtsCalc a = new EtsCalc(spec, m);
                        a.setParameters(0.3, trend == EtsComponent.NONE ? 0 : 0.05,
                                season == EtsComponent.NONE ? 0 : 0.1, damped ? 0.9 : 1);
                        a.setState(x0, 0);
                        double general = a.run(Y, new double[Y.length], null);
                        double[] endGeneral = a.state();
                        a.setState(x0, 0);
                        double fast = a.likelihood(Y);
                        assertEquals(general, fast, 1e-9 * Math.abs(general), spec.toString());
                        assertArrayEquals(endGeneral, a.state(), 1e-12, spec.toString());
                    }
                }
            }
        }
    }

    /** Multi-step forecasts of ETS(A,A,A): l + h b + s_{h mod m} (seasons cycle from the oldest). */
    @Test
    void additiveHoltWintersForecast() {
        EtsSpec spec = new EtsSpec(EtsComponent.ADDITIVE, EtsComponent.ADDITIVE, EtsComponent.ADDITIVE, false);
        EtsCalc calc = new EtsCalc(spec, 4);
        calc.setParameters(0.3, 0.1, 0.1, 1);
        calc.setState(new double[] {100, 2, 4, 3, 2, 1}, 0);
        double[] f = new double[6];
        calc.forecast(f, 6);
        assertArrayEquals(new double[] {103, 106, 109, 112, 111, 114}, f, 1e-12);
    }

    private static double[] initial(EtsComponent trend, EtsComponent season, int m) {
        int p = 1 + (trend == EtsComponent.NONE ? 0 : 1) + (season == EtsComponent.NONE ? 0 : m);
        double[] x = new double[p];
        x[0] = 10;
        int k = 1;
        if (trend != EtsComponent.NONE) {
            x[k++] = trend == EtsComponent.MULTIPLICATIVE ? 1.02 : 0.5;
        }
        if (season != EtsComponent.NONE) {
            for (int j = 0; j < m; j++) {
                x[k + j] = season == EtsComponent.MULTIPLICATIVE ? 1 + 0.05 * (j - 1.5) : 0.5 * (j - 1.5);
            }
        }
        return x;
    }
}
