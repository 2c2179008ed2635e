package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

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

    /** Builds a surrogate by name ({@code sigmoid} or {@code atan}). */
    static Surrogate of(String name, double alpha) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sigmoid" -> new SigmoidSurrogate(alpha);
            case "atan" -> new AtanSurrogate(alpha);
            default ->
                throw new IllegalArgumentException("Unknown surrogate '" + name + "'; expected 'sigmoid' or 'atan'");
        };
    }
}
