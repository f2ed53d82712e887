package io.trendcast.core.model.naive;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;

/**
 * A fitted (seasonal) random walk, optionally with drift, as R {@code forecast::rwf}/{@code snaive}:
 * {@code ŷ(n+h) = y(n+h-m·k) + h·b} with {@code k = ⌈h/m⌉}; error variance σ² from the lag-m differences, the
 * h-step standard deviation {@code σ·√k} (plus the drift estimate's own uncertainty when there is drift).
 */
final class RandomWalkModel implements FittedModel {

    private final String description;
    private final double[] lastSeason;
    private final double drift;
    private final double driftSe;
    private final double sigma;

    RandomWalkModel(String description, double[] lastSeason, double drift, double driftSe, double sigma) {
        this.description = description;
        this.lastSeason = lastSeason;
        this.drift = drift;
        this.driftSe = driftSe;
        this.sigma = sigma;
    }

    /** Fits on {@code y} with lag {@code m}; {@code withDrift} only for m = 1. */
    static RandomWalkModel fit(String description, double[] y, int m, boolean withDrift) {
        int n = y.length;
        double[] last = new double[m];
        System.arraycopy(y, n - m, last, 0, m);
        double drift = 0;
        double driftSe = 0;
        int nd = n - m;
        double sigma = 0;
        if (nd > 0) {
            if (withDrift) {
                drift = (y[n - 1] - y[0]) / (n - 1);
            }
            double ss = 0;
            for (int t = m; t < n; t++) {
                double e = y[t] - y[t - m] - drift;
                ss += e * e;
            }
            int dof = withDrift ? nd - 1 : nd;
            sigma = dof > 0 ? Math.sqrt(ss / dof) : 0;
            if (withDrift) {
                driftSe = sigma / Math.sqrt(nd);
            }
        }
        return new RandomWalkModel(description, last, drift, driftSe, sigma);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        int m = lastSeason.length;
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            int k = (h - 1) / m + 1;
            mean[h - 1] = lastSeason[(h - 1) % m] + h * drift;
            double v = sigma * sigma * k + (driftSe * h) * (driftSe * h);
            sd[h - 1] = Math.sqrt(v);
        }
        return Forecast.normal(description, mean, sd, levels);
    }
}
