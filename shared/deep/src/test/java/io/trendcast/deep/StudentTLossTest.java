package io.trendcast.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Student-t loss and its gradient, including when a garbage collection runs between the forward and the backward
 * pass (as it may in any training step): the gradient must not change. Before {@link Scalars}, the loss divided by
 * DJL number operands whose Java buffers a collection freed while autograd still held them, and this test's second
 * gradient came out different (or NaN).
 */
class StudentTLossTest {

    private static final int BATCH = 4;
    private static final int TIME = 6;

    @Test
    void theLossIsTheMeanStudentTNegativeLogLikelihoodOfTheCountedPeriods() {
        Engine engine = DeepArEngine.start(1);
        Inputs in = Inputs.draw(3);
        try (NDManager m = engine.newBaseManager()) {
            NDList preds = new NDList(m.create(in.params, new Shape(BATCH, TIME, 3)));
            NDList labels = labels(m, in);
            double expected = 0;
            int count = 0;
            for (int i = 0; i < BATCH * TIME; i++) {
                if (in.mask[i] == 1f) {
                    expected -= logPdf(in.y[i], in.params[3 * i], in.params[3 * i + 1], in.params[3 * i + 2]);
                    count++;
                }
            }
            assertEquals(expected / count, new StudentTLoss().evaluate(labels, preds).getFloat(), 1e-4);
        }
    }

    @Test
    void aGarbageCollectionBetweenForwardAndBackwardLeavesTheGradientAlone() throws InterruptedException {
        Engine engine = DeepArEngine.start(1);
        Inputs in = Inputs.draw(5);
        float[] quiet = gradient(engine, in, false);
        float[] collected = gradient(engine, in, true);
        for (int i = 0; i < quiet.length; i++) {
            boolean counted = in.mask[i / 3] == 1f;
            assertTrue(Float.isFinite(quiet[i]) && (quiet[i] != 0f) == counted,
                    "a counted period's parameters have finite, non-zero gradients, the others none: " + quiet[i]);
        }
        assertArrayEquals(quiet, collected, "gradient after a collection between forward and backward");
    }

    private static float[] gradient(Engine engine, Inputs in, boolean collect) throws InterruptedException {
        try (NDManager m = engine.newBaseManager()) {
            NDArray p = m.create(in.params, new Shape(BATCH, TIME, 3));
            p.setRequiresGradient(true);
            NDList labels = labels(m, in);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray loss = new StudentTLoss().evaluate(labels, new NDList(p));
                if (collect) {
                    freeUnreachableDirectBuffers();
                }
                gc.backward(loss);
            }
            return p.getGradient().toFloatArray();
        }
    }

    private static NDList labels(NDManager m, Inputs in) {
        return new NDList(m.create(in.y, new Shape(BATCH, TIME)), m.create(in.mask, new Shape(BATCH, TIME)));
    }

    /** Collects garbage until the JVM's count of direct buffers stops falling (the cleaner has freed them). */
    private static void freeUnreachableDirectBuffers() throws InterruptedException {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        long before;
        int rounds = 0;
        do {
            before = direct.getCount();
            System.gc();
            Thread.sleep(50);
        } while (direct.getCount() < before && ++rounds < 20);
    }

    private static double logPdf(double y, double loc, double scale, double dof) {
        double z = (y - loc) / scale;
        return lgamma((dof + 1) / 2) - lgamma(dof / 2) - 0.5 * Math.log(dof * Math.PI) - Math.log(scale)
                - (dof + 1) / 2 * Math.log1p(z * z / dof);
    }

    /** Lanczos approximation (g = 7, 9 terms), accurate to about 1e-13 for positive arguments. */
    private static double lgamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        }
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** Network outputs (location, scale above 0, degrees of freedom above 2), targets and a mask with some zeros. */
    private record Inputs(float[] params, float[] y, float[] mask) {

        static Inputs draw(long seed) {
            Random rng = new Random(seed);
            float[] params = new float[BATCH * TIME * 3];
            float[] y = new float[BATCH * TIME];
            float[] mask = new float[BATCH * TIME];
            for (int i = 0; i < BATCH * TIME; i++) {
                params[3 * i] = (float) rng.nextGaussian();
                params[3 * i + 1] = 0.2f + rng.nextFloat();
                params[3 * i + 2] = 2.5f + 10 * rng.nextFloat();
                y[i] = (float) (params[3 * i] + rng.nextGaussian());
                mask[i] = rng.nextInt(5) == 0 ? 0f : 1f;
            }
            return new Inputs(params, y, mask);
        }
    }
}
