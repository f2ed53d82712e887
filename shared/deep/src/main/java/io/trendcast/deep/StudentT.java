package io.trendcast.deep;

import java.util.SplittableRandom;

/**
 * Draws from the Student-t distribution in Java (DJL's PyTorch engine does not implement the gamma sampling its
 * {@code StudentTOutput} needs): {@code loc + scale * Z / sqrt(G / dof)} with Z standard normal and G chi-squared
 * with {@code dof} degrees of freedom, G = 2 Gamma(dof / 2) drawn by Marsaglia and Tsang (2000), "A simple method
 * for generating gamma variables", ACM TOMS 26(3):363-372.
 */
final class StudentT {

    private StudentT() {
    }

    static double sample(double loc, double scale, double dof, SplittableRandom rng) {
        double z = rng.nextGaussian();
        double chi2 = 2 * gamma(dof / 2, rng);
        return loc + scale * z / Math.sqrt(chi2 / dof);
    }

    /** Gamma(shape, 1). */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
