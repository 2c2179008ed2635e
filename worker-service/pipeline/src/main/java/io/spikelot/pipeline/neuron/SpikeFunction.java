package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;

/** The spike nonlinearity S = Θ(x) with a surrogate gradient, written with the stopGradient trick (§10). */
public final class SpikeFunction {

    private SpikeFunction() {}

    /**
     * Returns Θ(x) (1 where {@code x ≥ 0}, else 0) in the forward pass, with dS/dx = g'(x) in the backward pass.
     * Same shape and manager as {@code x}.
     */
    public static NDArray fire(NDArray x, Surrogate surrogate) {
        NDArray smooth = surrogate.primitive(x);
        // DJL has no custom autograd functions: g(x) + detach(Θ(x) − g(x)) has the value Θ(x) and the gradient g'(x)
        NDArray step = x.gte(0f).toType(x.getDataType(), false);
        NDArray correction = step.sub(smooth).stopGradient();
        return smooth.add(correction);
    }
}
