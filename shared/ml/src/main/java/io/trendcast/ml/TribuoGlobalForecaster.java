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
 * models; then it is fitted on everything.
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
        Map<String, double[]> backtest = new HashMap<>();
        ConformalTable table = ConformalTable.none(horizon);
        if (config.calibrate()) {
            table = calibrate(series, horizon, backtest);
        }
        Panel panel = Panel.of(series, config, horizon);
        Model<Regressor> model = train(panel);
        return new TribuoGlobalModel(config, panel, model, table, backtest);
    }

    private ConformalTable calibrate(List<SeriesInput> series, int horizon, Map<String, double[]> backtest) {
        List<SeriesInput> heads = new ArrayList<>();
        for (SeriesInput in : series) {
            if (in.series().length() > horizon + 2) {
                heads.add(in.withSeries(in.series().head(in.series().length() - horizon)));
            }
        }
        if (heads.isEmpty()) {
            return ConformalTable.none(horizon);
        }
        Panel cal = Panel.of(heads, config, horizon);
        double[][] fc = cal.forecast(train(cal));
        double[][] errors = new double[heads.size()][horizon];
        int s = 0;
        for (SeriesInput in : series) {
            if (in.series().length() <= horizon + 2) {
                continue;
            }
            double[] y = in.series().values();
            int origin = y.length - horizon;
            for (int k = 0; k < horizon; k++) {
                errors[s][k] = (y[origin + k] - fc[s][k]) / cal.scales[s];
            }
            backtest.put(in.series().id(), fc[s]);
            s++;
        }
        return ConformalTable.fromErrors(errors, horizon);
    }

    Model<Regressor> train(Panel panel) {
        var data = panel.trainingSet();
        try {
            return trainer().train(data);
        } catch (RuntimeException e) {
            throw new ModelException("global model training failed: " + e.getMessage());
        }
    }

    private Trainer<Regressor> trainer() {
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
