package io.trendcast.ml;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalForecaster;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.ModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The global model: one Tribuo regressor across all series of a seller. With calibration on (the default), the model
 * is first fitted without each series' last {@code horizon} periods and forecasts them: those backtest errors give
 * the conformal intervals ({@link ConformalTable}) and the per-series backtest that {@code auto} compares with local
 * models; then it is fitted on everything. With {@link GlobalConfig.Strategy#AUTO} both strategies are fitted on that
 * backtest and the one with the lower scaled error serves (the fitted model reports the strategy used).
 */
public final class TribuoGlobalForecaster implements GlobalForecaster {

    private final GlobalConfig config;

    public TribuoGlobalForecaster(GlobalConfig config) {
        this.config = config;
    }

    /** The defaults of {@link GlobalConfig.Builder}. */
    public static TribuoGlobalForecaster defaults() {
        return new TribuoGlobalForecaster(GlobalConfig.builder().build());
    }

    public GlobalConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "global";
    }

    @Override
    public GlobalModel fit(List<SeriesInput> series, int horizon) {
        GlobalConfig used = config.strategy() == GlobalConfig.Strategy.AUTO
                ? config.withStrategy(GlobalConfig.Strategy.RECURSIVE) : config;
        Backtest backtest = Backtest.none(horizon);
        if (config.calibrate()) {
            backtest = backtest(series, horizon, used);
            if (config.strategy() == GlobalConfig.Strategy.AUTO) {
                GlobalConfig direct = config.withStrategy(GlobalConfig.Strategy.DIRECT);
                Backtest other = backtest(series, horizon, direct);
                if (other.error() < backtest.error()) {
                    used = direct;
                    backtest = other;
                }
            }
        }
        Panel panel = Panel.of(series, used, horizon);
        Model<Regressor> model = train(panel, used);
        return new TribuoGlobalModel(used, panel, model, backtest.table(), backtest.forecasts());
    }

    /**
     * The model fitted without each series' last {@code horizon} periods and its forecasts of them: the conformal
     * table, the forecasts by series id and the error summed over series and steps, each in units of its series'
     * scale ({@link Backtest#none} when no series is long enough).
     */
    private Backtest backtest(List<SeriesInput> series, int horizon, GlobalConfig cfg) {
        List<SeriesInput> heads = new ArrayList<>();
        for (SeriesInput in : series) {
            if (in.series().length() > horizon + 2) {
                heads.add(in.withSeries(in.series().head(in.series().length() - horizon)));
            }
        }
        if (heads.isEmpty()) {
            return Backtest.none(horizon);
        }
        Panel cal = Panel.of(heads, cfg, horizon);
        double[][] fc = cal.forecast(train(cal, cfg));
        double[][] errors = new double[heads.size()][horizon];
        Map<String, double[]> forecasts = new HashMap<>();
        double total = 0;
        int s = 0;
        for (SeriesInput in : series) {
            if (in.series().length() <= horizon + 2) {
                continue;
            }
            double[] y = in.series().values();
            int origin = y.length - horizon;
            for (int k = 0; k < horizon; k++) {
                errors[s][k] = (y[origin + k] - fc[s][k]) / cal.scales[s];
                total += Double.isFinite(errors[s][k]) ? Math.abs(errors[s][k]) : 0;
            }
            forecasts.put(in.series().id(), fc[s]);
            s++;
        }
        return new Backtest(ConformalTable.fromErrors(errors, horizon), forecasts, total);
    }

    /** A backtest's conformal table, forecasts by series id and summed scaled absolute error. */
    private record Backtest(ConformalTable table, Map<String, double[]> forecasts, double error) {
        /** No backtest: point forecasts only, and it never wins a comparison of strategies. */
        static Backtest none(int horizon) {
            return new Backtest(ConformalTable.none(horizon), Map.of(), Double.POSITIVE_INFINITY);
        }
    }

    Model<Regressor> train(Panel panel, GlobalConfig cfg) {
        var data = panel.trainingSet();
        try {
            return trainer(cfg).train(data);
        } catch (RuntimeException e) {
            throw new ModelException("global model training failed: " + e.getMessage());
        }
    }

    private static Trainer<Regressor> trainer(GlobalConfig config) {
        return switch (config.learner()) {
            case XGBOOST -> new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST, XGBoostRegressionTrainer.RegressionType.LINEAR, config.trees(),
                    config.eta(), 0.0, config.maxDepth(), 1.0, config.subsample(), 0.8, 1.0, 0.0, config.threads(),
                    XGBoostTrainer.LoggingVerbosity.SILENT, config.seed());
            case LINEAR -> new TransformTrainer<>(new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.05, 0.1),
                    Math.min(config.trees(), 10), 1_000_000, config.seed()),
                    new TransformationMap(List.of(new MeanStdDevTransformation())));
        };
    }
}
