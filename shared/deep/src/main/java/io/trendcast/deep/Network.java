package io.trendcast.deep;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A DeepAR network with its DJL model (which owns the native memory of its parameters): created fresh with a seeded
 * initialisation, or from saved parameter bytes. Close it to free the parameters.
 */
final class Network implements AutoCloseable {

    final Model model;
    final DeepArNetwork block;

    private Network(Model model, DeepArNetwork block) {
        this.model = model;
        this.block = block;
    }

    /** A network for {@code panel}'s features and series, parameters drawn from the seeded initialisers. */
    static Network fresh(Panel panel, DeepArConfig config, int time) {
        Engine engine = DeepArEngine.start(config.threads());
        engine.setRandomSeed((int) (config.seed() ^ (config.seed() >>> 32)));
        Model model = Model.newInstance("deepar", DeepArEngine.ENGINE);
        DeepArNetwork block = new DeepArNetwork(panel.width, panel.baseColumn(), panel.size(), config);
        model.setBlock(block);
        return new Network(model, block);
    }

    /** A network with the saved parameters {@code bytes}. */
    static Network load(Panel panel, DeepArConfig config, byte[] bytes) {
        Network n = fresh(panel, config, 1);
        NDManager m = n.model.getNDManager();
        n.block.initialize(m, DataType.FLOAT32, n.block.inputShapes(1, 1));
        n.restore(bytes);
        return n;
    }

    /** The parameters as bytes (DJL's block format). */
    byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new DeepArException("cannot save the network's parameters: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Replaces the parameters with saved ones. */
    void restore(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            block.loadParameters(model.getNDManager(), in);
        } catch (IOException | MalformedModelException e) {
            throw new DeepArException("the saved network does not fit this configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
