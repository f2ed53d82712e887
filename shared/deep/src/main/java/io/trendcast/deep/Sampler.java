package io.trendcast.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;

/**
 * Sample paths of a trained network, DeepAR's way: the network reads the last {@code context} periods before the
 * origin (true values), then each step draws one value per path from the Student-t it outputs, and the draw becomes
 * the next step's lag. Series are processed in chunks; each chunk draws from its own seeded stream, so the paths
 * depend only on the seed, the network and the data.
 */
final class Sampler {

    private static final int MAX_ROWS = 4096;

    private final Panel panel;
    private final DeepArConfig config;
    private final int context;
    private final int horizon;

    Sampler(Panel panel, DeepArConfig config, int horizon) {
        this.panel = panel;
        this.config = config;
        this.context = config.contextFor(horizon);
        this.horizon = horizon;
    }

    /**
     * Sorted sample values of every series: {@code [series][step][path]}, in the series' units, from the origin
     * {@code length - holdBack} of each series (the panel's hold-back: its validation window).
     */
    float[][][] sample(Network net) {
        int paths = config.samplePaths();
        int chunk = Math.max(1, MAX_ROWS / paths);
        float[][][] out = new float[panel.size()][][];
        for (int from = 0, c = 0; from < panel.size(); from += chunk, c++) {
            int to = Math.min(panel.size(), from + chunk);
            SplittableRandom rng = new SplittableRandom(config.seed() * 31 + c);
            sampleChunk(net, from, to, rng, out);
        }
        return out;
    }

    private void sampleChunk(Network net, int from, int to, SplittableRandom rng, float[][][] out) {
        int s0 = to - from;
        int paths = config.samplePaths();
        int rows = s0 * paths;
        int f = panel.width;
        int[] origin = new int[s0];
        float[] cond = new float[s0 * context * f];
        long[] ids = new long[s0];
        for (int i = 0; i < s0; i++) {
            int s = from + i;
            origin[i] = Math.max(1, panel.length(s) - panel.holdBack);
            for (int k = 0; k < context; k++) {
                int t = origin[i] - context + k;
                if (t >= 0) {
                    panel.features(s, t, origin[i], cond, (i * context + k) * f, null, 0);
                }
            }
            ids[i] = s;
        }
        float[] pathValues = new float[rows * horizon];
        float[] x = new float[rows * f];
        long[] rowIds = new long[rows];
        for (int r = 0; r < rows; r++) {
            rowIds[r] = ids[r / paths];
        }
        try (NDManager m = net.model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDList state = net.block.forward(ps, new NDList(m.create(cond, new Shape(s0, context, f)), m.create(ids)),
                    false);
            NDArray h = repeat(state.get(1), s0, paths);
            NDArray c = repeat(state.get(2), s0, paths);
            NDArray idArray = m.create(rowIds);
            for (int k = 0; k < horizon; k++) {
                for (int r = 0; r < rows; r++) {
                    int i = r / paths;
                    panel.features(from + i, origin[i] + k, origin[i], x, r * f, pathValues, r * horizon);
                }
                try (NDManager step = m.newSubManager()) {
                    NDList o = net.block.forward(ps, new NDList(step.create(x, new Shape(rows, 1, f)), idArray, h, c),
                            false);
                    float[] p = o.get(0).toFloatArray();
                    NDArray nh = o.get(1);
                    NDArray nc = o.get(2);
                    nh.attach(m);
                    nc.attach(m);
                    h.close();
                    c.close();
                    h = nh;
                    c = nc;
                    for (int r = 0; r < rows; r++) {
                        int b = r * DeepArNetwork.PARAMS;
                        double v = StudentT.sample(p[b], p[b + 1], p[b + 2], rng);
                        if (panel.nonNegative[from + r / paths] && v < 0) {
                            v = 0;
                        }
                        pathValues[r * horizon + k] = (float) v;
                    }
                }
            }
        }
        for (int i = 0; i < s0; i++) {
            int s = from + i;
            float[][] sorted = new float[horizon][paths];
            for (int k = 0; k < horizon; k++) {
                for (int p = 0; p < paths; p++) {
                    sorted[k][p] = (float) (pathValues[(i * paths + p) * horizon + k] * panel.scales[s]);
                }
                java.util.Arrays.sort(sorted[k]);
            }
            out[s] = sorted;
        }
    }

    /** State (layers, series, hidden) repeated per path: (layers, series × paths, hidden), series-major. */
    private static NDArray repeat(NDArray state, int series, int paths) {
        Shape sh = state.getShape();
        return state.expandDims(2).broadcast(new Shape(sh.get(0), series, paths, sh.get(2)))
                .reshape(sh.get(0), (long) series * paths, sh.get(2));
    }
}
