package io.spikelot.pipeline.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Keeps intermediates out of long-lived managers. The result of an op lands in the manager of its receiver, so an
 * op on a model parameter lands in the model's manager and stays there until the model closes: a per-batch
 * computation on a parameter must start from a copy in the batch's manager, and every later intermediate follows.
 */
public final class Scopes {

    private Scopes() {}

    /** Moves {@code array} (a fresh intermediate, e.g. an op's result on a parameter) into {@code scope}; returns it. */
    public static NDArray adopt(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }

    /** {@code array} as a new tensor in {@code scope}, on the same device, with gradients flowing back to it. */
    public static NDArray local(NDManager scope, NDArray array) {
        return scope.zeros(new Shape(), array.getDataType(), array.getDevice()).add(array);
    }
}
