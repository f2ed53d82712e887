package io.trendcast.deep;

import ai.djl.engine.Engine;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalForecaster;
import io.trendcast.core.global.GlobalModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * DeepAR across all series of a seller. With validation on (the default), a first network trains without each
 * series' last {@code horizon} periods, stops early on its loss over those periods and forecasts them: that is the
 * backtest {@code auto} compares with the local models, and its best epoch count is kept. A second network, seeded
 * the same, then trains on everything for that many epochs and draws the forecast sample paths.
 */
public final class DeepArForecaster implements GlobalForecaster {

    private final DeepArConfig config;

    public DeepArForecaster(DeepArConfig config) {
        this.config = config;
    }

    /** The defaults of {@link DeepArConfig.Builder}. */
    public static DeepArForecaster defaults() {
        return new DeepArForecaster(DeepArConfig.builder().build());
    }

    public DeepArConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "deepar";
    }

    @Override
    public GlobalModel fit(List<SeriesInput> series, int horizon) {
        return fitModel(series, horizon);
    }

    /** {@link #fit} with the concrete type (for artifacts and provenance). */
    public DeepArModel fitModel(List<SeriesInput> series, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        long t0 = System.nanoTime();
        Map<String, double[]> backtest = new HashMap<>();
        int epochs = config.maxEpochs();
        EpochLog validation = null;
        if (config.validate()) {
            Panel vp = Panel.of(series, config.holidays(), horizon);
            try (Network net = Network.fresh(vp, config, horizon)) {
                validation = new Training(vp, config, horizon).run(net);
                float[][][] paths = new Sampler(vp, config, horizon).sample(net);
                for (int s = 0; s < vp.size(); s++) {
                    if (vp.length(s) - horizon >= 2) {
                        backtest.put(vp.id(s), medians(paths[s]));
                    }
                }
                epochs = Math.max(1, validation.bestEpoch());
            }
        }
        Panel full = Panel.of(series, config.holidays(), 0);
        DeepArConfig fixed = config.fixedEpochs(epochs);
        EpochLog log;
        byte[] params;
        try (Network net = Network.fresh(full, fixed, horizon)) {
            log = new Training(full, fixed, horizon).run(net);
            params = net.save();
        }
        // forecasts come from the saved parameters, exactly as a reloaded artifact gives them
        try (Network net = Network.load(full, config, params)) {
            float[][][] samples = new Sampler(full, config, horizon).sample(net);
            Provenance p = provenance(full, horizon, log, validation, (System.nanoTime() - t0) / 1e9);
            return new DeepArModel(config, horizon, full, params, samples, backtest, p);
        }
    }

    static double[] medians(float[][] sorted) {
        double[] m = new double[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            m[k] = DeepArModel.quantile(sorted[k], 0.5);
        }
        return m;
    }

    static Provenance provenance(Panel panel, int horizon, EpochLog log, EpochLog validation, double seconds) {
        return new Provenance(Engine.getDjlVersion(), Engine.getEngine(DeepArEngine.ENGINE).getVersion(),
                panel.size(), panel.frequency.name(), horizon, panel.width,
                Arrays.stream(panel.lags).boxed().toList(), sha256(panel), log.epochs(),
                validation == null ? 0 : validation.bestEpoch(), log.trainLoss(),
                validation == null ? List.of() : validation.validationLoss(), seconds);
    }

    static String sha256(Panel panel) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(16);
            for (SeriesInput in : panel.inputs) {
                md.update(in.series().id().getBytes(StandardCharsets.UTF_8));
                b.clear();
                b.putLong(in.series().start()).putLong(in.series().length());
                md.update(b.array());
                for (double v : in.series().values()) {
                    b.clear();
                    b.putDouble(v);
                    md.update(b.array(), 0, 8);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
