package io.trendcast.deep;

import ai.djl.engine.Engine;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalForecaster;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.core.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * DeepAR across all series of a seller, in up to three kinds of fit: the first trains without each series' last few
 * periods (the validation window, {@link DeepArConfig#validationFor}) and stops early on their loss, which fixes the
 * number of epochs; the second (with {@code validate}, the default) trains that many epochs without each series' last
 * {@code horizon} periods and forecasts them, the backtest {@code auto} compares with the local models (out of sample:
 * it never saw them); the third trains on everything and draws the forecast paths. With an ensemble
 * ({@link DeepArConfig#members()} above 1) the second and third fits are repeated per member, each from its own
 * seed, and the members' sample paths are pooled: networks trained on the same data from different seeds disagreed
 * by up to a point of WAPE on Walmart, and pooling averages that disagreement away.
 */
public final class DeepArForecaster implements GlobalForecaster {

    /**
     * Fewest values a series needs: shorter ones (an item first sold in the batch's last period) are left out of the
     * fit and get no forecast, so that the caller's other methods serve them and one of them does not fail the rest.
     */
    public static final int MIN_LENGTH = 2;

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

    /**
     * {@link #fit} with the concrete type (for artifacts and provenance); series shorter than {@link #MIN_LENGTH} are
     * left out.
     *
     * @throws ModelException when no series is long enough
     */
    public DeepArModel fitModel(List<SeriesInput> batch, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        List<SeriesInput> series = fittable(batch);
        if (series.isEmpty() && !batch.isEmpty()) {
            throw new ModelException("deepar needs a series with at least " + MIN_LENGTH + " values");
        }
        long t0 = System.nanoTime();
        int longest = series.stream().mapToInt(in -> in.series().length()).max().orElse(0);
        int validation = config.validationFor(horizon, longest);
        Panel vp = Panel.of(series, config.holidays(), validation);
        EpochLog stopped = null;
        int epochs = config.maxEpochs();
        if (config.minEpochs() < config.maxEpochs()) {
            try (Network net = Network.fresh(vp, config, horizon)) {
                stopped = new Training(vp, config, horizon).run(net);
            }
            epochs = Math.max(1, stopped.bestEpoch());
        }
        DeepArConfig fixed = config.fixedEpochs(epochs);
        Map<String, double[]> backtest = new HashMap<>();
        IntervalScale intervals = IntervalScale.none();
        if (config.validate()) {
            Panel bp = Panel.of(series, config.holidays(), horizon);
            List<float[][][]> paths = new ArrayList<>();
            for (int k = 0; k < config.members(); k++) {
                DeepArConfig member = fixed.member(k);
                try (Network net = Network.fresh(bp, member, horizon)) {
                    new Training(bp, member, horizon).run(net);
                    paths.add(new Sampler(bp, member, horizon).sample(net));
                }
            }
            float[][][] pooled = pool(paths);
            double[][] actual = new double[bp.size()][];
            for (int s = 0; s < bp.size(); s++) {
                if (bp.length(s) - horizon >= 2) {
                    backtest.put(bp.id(s), medians(pooled[s]));
                    double[] y = series.get(s).series().values();
                    actual[s] = Arrays.copyOfRange(y, y.length - horizon, y.length);
                }
            }
            intervals = IntervalScale.fit(actual, pooled);
        }
        Panel full = Panel.of(series, config.holidays(), 0);
        EpochLog log = null;
        List<byte[]> params = new ArrayList<>();
        for (int k = 0; k < config.members(); k++) {
            DeepArConfig member = fixed.member(k);
            try (Network net = Network.fresh(full, member, horizon)) {
                EpochLog memberLog = new Training(full, member, horizon).run(net);
                log = log == null ? memberLog : log;
                params.add(net.save());
            }
        }
        // forecasts come from the saved parameters, exactly as a reloaded artifact gives them
        float[][][] samples = sample(full, config, horizon, params);
        Provenance p = provenance(full, horizon, log, stopped, (System.nanoTime() - t0) / 1e9);
        return new DeepArModel(config, horizon, full, params, samples, backtest, intervals, p);
    }

    /** The pooled, sorted sample paths of every member, each member loaded from its saved parameters. */
    static float[][][] sample(Panel panel, DeepArConfig config, int horizon, List<byte[]> params) {
        if (params.size() != config.members()) {
            throw new DeepArException(params.size() + " saved networks for an ensemble of " + config.members());
        }
        List<float[][][]> paths = new ArrayList<>();
        for (int k = 0; k < config.members(); k++) {
            DeepArConfig member = config.member(k);
            try (Network net = Network.load(panel, member, params.get(k))) {
                paths.add(new Sampler(panel, member, horizon).sample(net));
            }
        }
        return pool(paths);
    }

    /** The members' sorted samples of each series and step, pooled and sorted. */
    static float[][][] pool(List<float[][][]> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        float[][][] first = members.get(0);
        float[][][] out = new float[first.length][][];
        for (int s = 0; s < first.length; s++) {
            out[s] = new float[first[s].length][];
            for (int k = 0; k < first[s].length; k++) {
                int n = 0;
                for (float[][][] m : members) {
                    n += m[s][k].length;
                }
                float[] all = new float[n];
                int at = 0;
                for (float[][][] m : members) {
                    System.arraycopy(m[s][k], 0, all, at, m[s][k].length);
                    at += m[s][k].length;
                }
                Arrays.sort(all);
                out[s][k] = all;
            }
        }
        return out;
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
                validation == null ? List.of() : validation.validationLoss(), seconds, log.seconds() / log.epochs());
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

    /** The series of {@code batch} with at least {@link #MIN_LENGTH} values, in order (fit and reload alike). */
    static List<SeriesInput> fittable(List<SeriesInput> batch) {
        return batch.stream().filter(in -> in.series().length() >= MIN_LENGTH).toList();
    }
}
