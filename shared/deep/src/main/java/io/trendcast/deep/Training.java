package io.trendcast.deep;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a network on random windows of {@code context + horizon} periods (DeepAR's teacher forcing: each period's
 * input holds the true lagged values). With a hold-back, the loss counts only periods before each series' last
 * {@code holdBack} periods, and after every epoch the loss on those held-back periods (still teacher-forced) is the
 * validation loss: training stops after {@code patience} epochs without improvement and keeps the best epoch's
 * parameters. Epochs before {@code minEpochs} are not candidates (as Keras' {@code start_from_epoch}): on Walmart the
 * validation window is the holiday season, unlike anything the loss had seen, and its loss was lowest after the
 * first epoch, which left a network that had barely moved from its initialisation.
 */
final class Training {

    private static final float CLIP = 10f;

    private final Panel panel;
    private final DeepArConfig config;
    private final int window;
    private final float[][] features;

    Training(Panel panel, DeepArConfig config, int horizon) {
        this.panel = panel;
        this.config = config;
        this.window = config.contextFor(horizon) + horizon;
        this.features = new float[panel.size()][];
        for (int s = 0; s < panel.size(); s++) {
            int n = panel.length(s);
            features[s] = new float[n * panel.width];
            for (int t = 0; t < n; t++) {
                panel.features(s, t, n, features[s], t * panel.width, null, 0);
            }
        }
    }

    /** Trains {@code net} in place; returns the epoch log. */
    EpochLog run(Network net) {
        long t0 = System.nanoTime();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(new StudentTLoss())
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .optClipGrad(CLIP).build())
                .optDevices(new Device[] {Device.cpu()});
        List<Double> trainLoss = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        int[] eligible = eligible();
        if (eligible.length == 0) {
            throw new io.trendcast.core.model.ModelException("deepar: no series has a period to train on before its "
                    + "last " + panel.holdBack);
        }
        Random rng = new Random(config.seed());
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        byte[] bestParams = null;
        try (Trainer trainer = net.model.newTrainer(tc)) {
            trainer.initialize(net.block.inputShapes(config.batchSize(), window));
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                double sum = 0;
                for (int b = 0; b < config.batchesPerEpoch(); b++) {
                    sum += step(trainer, eligible, rng);
                }
                trainLoss.add(sum / config.batchesPerEpoch());
                if (config.minEpochs() == config.maxEpochs() || panel.holdBack == 0) {
                    bestEpoch = epoch;
                    continue;
                }
                double v = validate(trainer);
                valLoss.add(v);
                if (epoch >= config.minEpochs() && v < best - 1e-4) {
                    best = v;
                    bestEpoch = epoch;
                    bestParams = net.save();
                } else if (epoch >= config.minEpochs() && epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
        }
        if (bestParams != null) {
            net.restore(bestParams);
        }
        return new EpochLog(trainLoss, valLoss, bestEpoch, (System.nanoTime() - t0) / 1e9);
    }

    private int[] eligible() {
        return java.util.stream.IntStream.range(0, panel.size())
                .filter(s -> panel.length(s) - panel.holdBack >= 2).toArray();
    }

    private double step(Trainer trainer, int[] eligible, Random rng) {
        int batch = config.batchSize();
        int f = panel.width;
        float[] x = new float[batch * window * f];
        float[] y = new float[batch * window];
        float[] mask = new float[batch * window];
        long[] ids = new long[batch];
        for (int i = 0; i < batch; i++) {
            int s = eligible[rng.nextInt(eligible.length)];
            int lossEnd = panel.length(s) - panel.holdBack;
            int lo = Math.max(Math.min(window, lossEnd), panel.lossStart(lossEnd) + 1);
            int end = lo + rng.nextInt(lossEnd - lo + 1);
            fill(i, s, end - window, panel.lossStart(lossEnd), lossEnd, x, y, mask);
            ids[i] = s;
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDList in = new NDList(m.create(x, new Shape(batch, window, f)), m.create(ids));
            NDList labels = new NDList(m.create(y, new Shape(batch, window)), m.create(mask, new Shape(batch, window)));
            double loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray l = trainer.getLoss().evaluate(labels, trainer.forward(in));
                gc.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    /** Teacher-forced loss on every series' held-back periods (windows ending at each series' end). */
    private double validate(Trainer trainer) {
        int batch = config.batchSize();
        int f = panel.width;
        double sum = 0;
        double weight = 0;
        for (int from = 0; from < panel.size(); from += batch) {
            int b = Math.min(batch, panel.size() - from);
            float[] x = new float[b * window * f];
            float[] y = new float[b * window];
            float[] mask = new float[b * window];
            long[] ids = new long[b];
            for (int i = 0; i < b; i++) {
                int s = from + i;
                int n = panel.length(s);
                fill(i, s, n - window, 0, n, x, y, mask);
                for (int k = 0; k < window; k++) {
                    if (n - window + k < n - panel.holdBack) {
                        mask[i * window + k] = 0;
                    }
                }
                ids[i] = s;
            }
            double count = 0;
            for (float v : mask) {
                count += v;
            }
            if (count == 0) {
                continue;
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList in = new NDList(m.create(x, new Shape(b, window, f)), m.create(ids));
                NDList labels = new NDList(m.create(y, new Shape(b, window)), m.create(mask, new Shape(b, window)));
                sum += trainer.getLoss().evaluate(labels, trainer.forward(in)).getFloat() * count;
                weight += count;
            }
        }
        return weight == 0 ? Double.POSITIVE_INFINITY : sum / weight;
    }

    /**
     * Row {@code i} of a batch: series {@code s} from period {@code start} on; the loss counts periods from
     * {@code lossStart} up to {@code lossEnd} (exclusive).
     */
    private void fill(int i, int s, int start, int lossStart, int lossEnd, float[] x, float[] y, float[] mask) {
        int f = panel.width;
        for (int k = 0; k < window; k++) {
            int t = start + k;
            int row = i * window + k;
            if (t < 0) {
                continue;
            }
            System.arraycopy(features[s], t * f, x, row * f, f);
            double v = panel.target(s, t);
            if (!Double.isNaN(v) && t >= lossStart && t < lossEnd) {
                y[row] = (float) v;
                mask[row] = 1f;
            }
        }
    }
}
