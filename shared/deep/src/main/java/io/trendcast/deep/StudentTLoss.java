package io.trendcast.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;

/**
 * Mean negative log-likelihood of the Student-t distribution over the periods that count. Labels are the scaled
 * targets (batch, time) and a 0/1 mask of the same shape (padding, missing values and periods held out for validation
 * are 0); predictions are the network's (batch, time, 3) parameters.
 *
 * <p>Constants are {@link Scalars} (PyTorch-owned), never numbers: autograd keeps them for the backward pass.
 */
final class StudentTLoss extends Loss {

    private static final float HALF_LOG_PI = (float) (0.5 * Math.log(Math.PI));

    StudentTLoss() {
        super("student-t-nll");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.get(0);
        NDArray mask = labels.get(1);
        NDManager m = y.getManager();
        NDArray one = Scalars.of(m, 1f);
        NDArray two = Scalars.of(m, 2f);
        NDArray p = predictions.get(0);
        NDArray loc = p.get(":, :, 0");
        NDArray scale = p.get(":, :, 1");
        NDArray dof = p.get(":, :, 2");
        NDArray z = y.sub(loc).div(scale);
        NDArray logPdf = dof.add(one).div(two).gammaln().sub(dof.div(two).gammaln())
                .sub(dof.log().mul(Scalars.of(m, 0.5f))).sub(Scalars.of(m, HALF_LOG_PI)).sub(scale.log())
                .sub(dof.add(one).div(two).mul(z.square().div(dof).add(one).log()));
        NDArray count = mask.sum().maximum(one);
        return logPdf.mul(mask).sum().neg().div(count);
    }
}
