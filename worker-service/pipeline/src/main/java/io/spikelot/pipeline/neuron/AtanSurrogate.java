package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import io.spikelot.pipeline.tensor.Scalars;

/** g(x) = arctan(π/2·α·x)/π + 1/2, g'(x) = (α/2) / (1 + (π/2·α·x)²); SpikingJelly's ATan, default α = 2. */
public record AtanSurrogate(double alpha) implements Surrogate {

    public AtanSurrogate {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("ATan surrogate alpha must be > 0, was " + alpha);
        }
    }

    @Override
    public NDArray primitive(NDArray x) {
        NDArray angle = Scalars.mul(x, Math.PI / 2 * alpha).atan();
        return Scalars.mul(angle, 1 / Math.PI).add(0.5f);
    }

    @Override
    public double derivative(double x) {
        double u = Math.PI / 2 * alpha * x;
        return (alpha / 2) / (1 + u * u);
    }
}
