package io.trendcast.core.model.arima;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact gradient of the conditional-sum-of-squares objective (reverse-mode through the ARMA recursion and the
 * seasonal expansion) against a fine central difference of the objective itself, for non-seasonal, seasonal,
 * differenced and drift models, at zero (the search's start) and at random stationary points.
 */
class ArimaCssGradientTest {

    static Stream<ArimaSpec> specs() {
        return Stream.of(
                new ArimaSpec(2, 0, 1, 0, 0, 0, 1, true),
                new ArimaSpec(1, 1, 2, 0, 0, 0, 1, true),
                new ArimaSpec(2, 0, 1, 1, 1, 1, 7, false),
                new ArimaSpec(5, 1, 0, 2, 0, 0, 7, true),
                new ArimaSpec(0, 1, 1, 0, 1, 2, 12, false),
                new ArimaSpec(1, 0, 0, 1, 0, 1, 4, true),
                new ArimaSpec(9, 0, 2, 1, 0, 1, 7, true));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void exactGradientEqualsCentralDifferences(ArimaSpec spec) {
        Random random = new Random(spec.hashCode());
        double[] x = new double[400];
        double e1 = 0;
        for (int t = 0; t < x.length; t++) {
            double e = random.nextGaussian();
            x[t] = 50 + 0.05 * t + 8 * Math.sin(2 * Math.PI * t / spec.period()) + e + 0.4 * e1
                    + (t > 0 ? 0.5 * (x[t - 1] - 50 - 0.05 * (t - 1)) : 0);
            e1 = e;
        }
        ArimaEstimator.Problem pb = new ArimaEstimator.Problem(x, spec, true);
        for (int trial = 0; trial < 4; trial++) {
            double[] par = pb.init.clone();
            if (trial > 0) {
                for (int i = 0; i < spec.armaCount(); i++) {
                    par[i] = (random.nextDouble() - 0.5) * 0.4;
                }
            }
            double[] exact = new double[par.length];
            pb.cssGradient(par, exact);
            for (int i = 0; i < par.length; i++) {
                double h = 1e-6 * Math.max(1, Math.abs(par[i]));
                double[] up = par.clone();
                double[] down = par.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (pb.cssObjective(up) - pb.cssObjective(down)) / (2 * h);
                assertEquals(numeric, exact[i], 1e-5 * Math.max(1, Math.abs(numeric)),
                        spec + " parameter " + i + " at trial " + trial);
            }
        }
    }
}
