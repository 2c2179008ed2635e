package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import io.spikelot.model.spec.SurrogateKind;

/**
 * A surrogate for the derivative of the Heaviside step Θ(x) (ALGORITHMS.md §1.2). The forward pass of a spike stays
 * exactly Θ; the backward pass uses the derivative of {@link #primitive}.
 */
public sealed interface Surrogate permits SigmoidSurrogate, AtanSurrogate {

    /** The smooth primitive g(x), element-wise; its derivative g'(x) is what backward sees. */
    NDArray primitive(NDArray x);

    /** g'(x) in plain double arithmetic, the reference the tensor version is tested against. */
    double derivative(double x);

    /** The sharpness α. */
    double alpha();

    /** The surrogate a spec's {@code model.surrogate} names, with sharpness {@code alpha}. */
    static Surrogate of(SurrogateKind kind, double alpha) {
        return switch (kind) {
            case SIGMOID -> new SigmoidSurrogate(alpha);
            case ATAN -> new AtanSurrogate(alpha);
        };
    }
}
