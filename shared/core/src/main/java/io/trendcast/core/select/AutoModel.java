package io.trendcast.core.select;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecast;
import io.trendcast.core.stat.Normal;
import java.util.ArrayList;
import java.util.List;

/**
 * The model {@code auto} chose for one series: its member models, how they combine, the backtest accuracy that
 * chose it, and the standardised backtest errors that recalibrate its intervals at any level.
 */
public final class AutoModel implements FittedModel {

    private final String choice;
    private final List<FittedModel> members;
    private final Combiner combiner;
    private final double[] sortedAbsZ;
    private final double prior;
    private final double maxFactor;
    private final BacktestSummary accuracy;
    private final List<String> skipped;

    AutoModel(String choice, List<FittedModel> members, Combiner combiner, double[] sortedAbsZ, double prior,
              double maxFactor, BacktestSummary accuracy, List<String> skipped) {
        this.choice = choice;
        this.members = List.copyOf(members);
        this.combiner = combiner;
        this.sortedAbsZ = sortedAbsZ;
        this.prior = prior;
        this.maxFactor = maxFactor;
        this.accuracy = accuracy;
        this.skipped = List.copyOf(skipped);
    }

    /** The chosen candidate, e.g. {@code median(ets,arima,theta)}. */
    public String choice() {
        return choice;
    }

    /** Backtest accuracy of the chosen candidate, or null when the series was too short to backtest. */
    public BacktestSummary accuracy() {
        return accuracy;
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
        if (sortedAbsZ.length == 0) {
            return fc;
        }
        double[] factors = new double[fc.levels().length];
        for (int k = 0; k < factors.length; k++) {
            factors[k] = factor(fc.levels()[k]);
        }
        return IntervalCalibrator.apply(fc, factors);
    }

    /** The half-width multiplier for {@code level}: empirical over nominal quantile of |z|, shrunk towards 1. */
    double factor(double level) {
        double nominal = Normal.quantile(0.5 + level / 200);
        double ratio;
        if (Boolean.getBoolean("exp.rms")) {
            double ss = 0;
            for (double z : sortedAbsZ) {
                ss += Math.min(z, 10) * Math.min(z, 10);
            }
            ratio = Math.sqrt(ss / sortedAbsZ.length) * Double.parseDouble(System.getProperty("exp.k", "1"));
        } else {
            ratio = IntervalCalibrator.quantile(sortedAbsZ, sortedAbsZ.length, level / 100) / nominal;
        }
        if (!(ratio > 0)) {
            return 1;
        }
        double w = sortedAbsZ.length / (sortedAbsZ.length + prior);
        double f = Math.exp(w * Math.log(ratio));
        if (Boolean.getBoolean("exp.rms") && System.getProperty("exp.df") != null) {
            double df = Math.max(2, sortedAbsZ.length / Double.parseDouble(System.getProperty("exp.df")));
            f *= io.trendcast.core.stat.StudentT.quantile(0.5 + level / 200, df) / nominal;
        }
        return Math.max(1 / maxFactor, Math.min(maxFactor, f));
    }
}
