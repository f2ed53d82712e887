package io.trendcast.core.select;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.stat.Normal;
import io.trendcast.core.stat.StudentT;
import java.util.ArrayList;
import java.util.List;

/**
 * The model {@code auto} chose for one series: its member models, how they combine, the backtest accuracy that
 * chose it, and the standardised backtest errors that recalibrate its intervals at any level.
 */
public final class AutoModel implements FittedModel {

    /** Standardised errors beyond this count as this much, so one wild backtest point cannot dominate. */
    private static final double Z_CAP = 10;

    private final String choice;
    private final List<FittedModel> members;
    private final Combiner combiner;
    private final double[] backtestZ;
    private final double prior;
    private final double maxFactor;
    private final BacktestSummary accuracy;
    private final List<String> skipped;
    private final double[] heldOutFold;

    AutoModel(String choice, List<FittedModel> members, Combiner combiner, double[] backtestZ, double prior,
              double maxFactor, BacktestSummary accuracy, double[] heldOutFold, List<String> skipped) {
        this.choice = choice;
        this.members = List.copyOf(members);
        this.combiner = combiner;
        this.backtestZ = backtestZ;
        this.prior = prior;
        this.maxFactor = maxFactor;
        this.accuracy = accuracy;
        this.skipped = List.copyOf(skipped);
        this.heldOutFold = heldOutFold.clone();
    }

    /**
     * The point forecast of the series' last {@code horizon} periods, from origin {@code n - horizon}, by the
     * candidate {@code auto} would have chosen without those periods (on the head's own backtest): an out-of-sample
     * judge of the local choice against other models, such as the global ones. The last fold of the chosen
     * candidate's own backtest would not be one: that window took part in the choice, and on Walmart it understated
     * the local error by 13 % against a refit on the head. Empty unless the forecaster was built with
     * {@link AutoForecaster.Builder#heldOutFold}, and when the series was too short to backtest.
     */
    public double[] heldOutFold() {
        return heldOutFold.clone();
    }

    /** The chosen candidate, e.g. {@code median(ets,arima,theta)}. */
    public String choice() {
        return choice;
    }

    /** Backtest accuracy of the chosen candidate, or null when the series was too short to backtest. */
    public BacktestSummary accuracy() {
        return accuracy;
    }

    /** The description of each member model, in combination order (one entry for a single method). */
    public List<String> memberDescriptions() {
        List<String> out = new ArrayList<>(members.size());
        for (FittedModel m : members) {
            out.add(m.description());
        }
        return out;
    }

    /** Candidates that failed on this series, each with its reason. */
    public List<String> skipped() {
        return skipped;
    }

    @Override
    public String description() {
        StringBuilder sb = new StringBuilder(choice).append(':');
        for (int i = 0; i < members.size(); i++) {
            sb.append(i > 0 ? "+" : "").append(members.get(i).description());
        }
        return sb.toString();
    }

    @Override
    public Forecast forecast(int horizon, double... levels) {
        Forecast fc;
        if (members.size() == 1) {
            fc = members.get(0).forecast(horizon, levels);
        } else {
            List<Forecast> fs = new ArrayList<>(members.size());
            for (FittedModel m : members) {
                fs.add(m.forecast(horizon, levels));
            }
            fc = combiner.combine(description(), fs);
        }
        fc = fc.withModel(description());
        if (backtestZ.length == 0) {
            return fc;
        }
        double[] factors = new double[fc.levels().length];
        for (int k = 0; k < factors.length; k++) {
            factors[k] = factor(fc.levels()[k]);
        }
        return IntervalCalibrator.apply(fc, factors);
    }

    /**
     * The half-width multiplier for {@code level}. The root mean square of the standardised backtest errors
     * estimates how much wider (or narrower) than the model's own the predictive spread is; its log is shrunk
     * towards 0 with weight {@code n / (n + prior)}. Because that scale is estimated from few, correlated errors
     * (steps of one origin move together), the interval uses Student's t with {@code n / 3} degrees of freedom
     * instead of the normal: the usual predictive interval for a scale estimated from a small sample.
     */
    double factor(double level) {
        int n = backtestZ.length;
        double ss = 0;
        for (double z : backtestZ) {
            double c = Math.min(z, Z_CAP);
            ss += c * c;
        }
        double rms = Math.sqrt(ss / n);
        if (!(rms > 0)) {
            return 1;
        }
        double w = n / (n + prior);
        double p = 0.5 + level / 200;
        double df = Math.max(2, n / 3.0);
        double f = Math.exp(w * Math.log(rms)) * StudentT.quantile(p, df) / Normal.quantile(p);
        return Math.max(1 / maxFactor, Math.min(maxFactor, f));
    }
}
