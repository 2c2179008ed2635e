package io.spikelot.pipeline.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar arithmetic whose scalar operand is a 0-d tensor owned by libtorch, so autograd may keep it for the
 * backward pass. The result lives in the manager of {@code array}; the shape is unchanged.
 */
public final class Scalars {

    private Scalars() {}

    /** A 0-d tensor holding {@code value}, in {@code like}'s manager and data type. */
    public static NDArray scalarLike(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** {@code array · c}. */
    public static NDArray mul(NDArray array, double c) {
        // closing the handle is fine: libtorch owns the memory and autograd keeps its own reference
        try (NDArray scalar = scalarLike(array, c)) {
            return array.mul(scalar);
        }
    }

    /** {@code array / c}. */
    public static NDArray div(NDArray array, double c) {
        try (NDArray scalar = scalarLike(array, c)) {
            return array.div(scalar);
        }
    }

    /** {@code array ^ c}, element-wise. */
    public static NDArray pow(NDArray array, double c) {
        try (NDArray scalar = scalarLike(array, c)) {
            return array.pow(scalar);
        }
    }

    /** {@code max(array, c)}, element-wise. */
    public static NDArray maximum(NDArray array, double c) {
        try (NDArray scalar = scalarLike(array, c)) {
            return array.maximum(scalar);
        }
    }

    /** {@code min(array, c)}, element-wise. */
    public static NDArray minimum(NDArray array, double c) {
        try (NDArray scalar = scalarLike(array, c)) {
            return array.minimum(scalar);
        }
    }
}
