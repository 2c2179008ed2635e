package io.spikelot.pipeline.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Tensors made from Java arrays, owned by libtorch.
 *
 * <p>On the CPU, DJL's {@code NDManager.create(float[] ...)} copies the values into a Java direct buffer and wraps
 * that buffer without copying ({@code torch::from_blob}): the tensor's memory belongs to the buffer, which only the
 * returned {@code NDArray} keeps alive. A view of it (a reshape, a transpose, an index), or a copy autograd keeps for
 * the backward pass, does not keep the buffer alive, and reads freed memory once the array is closed and collected:
 * garbage values at random, depending on what the garbage collector did in between. The arrays made here are
 * clones in libtorch's own memory, which views and autograd share by reference count. Main code creates tensors
 * from Java data only through this class; an ArchUnit rule forbids {@code NDManager.create} elsewhere.
 */
public final class HostArrays {

    private HostArrays() {}

    /** {@code values} (row-major) as a float tensor of {@code shape} in {@code manager}. */
    public static NDArray floats(NDManager manager, float[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }

    /** {@code values} as a 1-d float tensor in {@code manager}. */
    public static NDArray floats(NDManager manager, float[] values) {
        return floats(manager, values, new Shape(values.length));
    }

    /** {@code values} as a 1-d int64 tensor in {@code manager} (indices). */
    public static NDArray longs(NDManager manager, long[] values) {
        try (NDArray wrapped = manager.create(values)) {
            return wrapped.duplicate();
        }
    }
}
