package io.trendcast.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Constants for the network's and the loss's arithmetic, made by PyTorch ({@code torch::full}) so that PyTorch owns
 * their memory. Never use DJL's {@code NDArray.mul(Number)} and kin where autograd records: they wrap the number in a
 * tensor over a Java direct buffer and close it as soon as the operation returns, while autograd keeps that tensor
 * for the backward pass (a product or quotient saves its other operand). Once a garbage collection frees the buffer,
 * the backward pass reads freed memory and that training step goes wrong; on 2 cores under load about one fit in
 * fifteen differed from the same fit repeated ({@code StudentTLossTest} provokes it).
 */
final class Scalars {

    private Scalars() {
    }

    /** A 0-dimensional float tensor holding {@code value}, freed with {@code manager}. */
    static NDArray of(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }
}
