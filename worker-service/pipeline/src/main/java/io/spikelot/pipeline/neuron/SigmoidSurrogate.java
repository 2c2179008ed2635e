package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.spikelot.pipeline.tensor.Scalars;

/** g(x) = σ(αx), g'(x) = α·σ(αx)·(1 − σ(αx)); SpikingJelly's default with α = 4. */
public record SigmoidSurrogate(double alpha) implements Surrogate {

    public SigmoidSurrogate {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("Sigmoid surrogate alpha must be > 0, was " + alpha);
        }
    }

    @Override
    public NDArray primitive(NDArray x) {
        return Activation.sigmoid(Scalars.mul(x, alpha));
    }

    @Override
    public double derivative(double x) {
        double s = 1.0 / (1.0 + Math.exp(-alpha * x));
        return alpha * s * (1.0 - s);
    }
}
