package io.trendcast.core.model.theta;

import io.trendcast.core.decompose.ClassicalDecomposition;
import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import java.util.Locale;

/** A fitted Theta model: exponential smoothing of the adjusted series, the drift, and the seasonal indices. */
final class ThetaModel implements FittedModel {

    private static final double MIN_ALPHA = 1e-10;

    private final double level;
    private final double alpha;
    private final double sigma2;
    private final double drift;
    private final int n;
    private final ClassicalDecomposition decomposition;

    ThetaModel(SimpleExponentialSmoothing ses, double drift, int n, ClassicalDecomposition decomposition) {
        this.level = ses.level();
        this.alpha = Math.max(MIN_ALPHA, ses.alpha());
        this.sigma2 = ses.sigma2();
        this.drift = drift;
        this.n = n;
        this.decomposition = decomposition;
    }

    @Override
    public String description() {
        String seasonal = decomposition == null ? "" : ", seasonal m=" + decomposition.period();
        return String.format(Locale.ROOT, "Theta(alpha=%.4f, drift=%.4g%s)", alpha, drift, seasonal);
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
        }
        double start = (1 - Math.pow(1 - alpha, n)) / alpha;
        double[] seasonal = decomposition == null ? null : decomposition.futureSeasonal(horizon);
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double sigma = Math.sqrt(sigma2);
        for (int j = 0; j < horizon; j++) {
            mean[j] = level + drift * (j + start);
            if (seasonal != null) {
                mean[j] *= seasonal[j];
            }
            sd[j] = sigma * Math.sqrt(1 + j * alpha * alpha);
        }
        return Forecast.normal(description(), mean, sd, levels);
    }
}
