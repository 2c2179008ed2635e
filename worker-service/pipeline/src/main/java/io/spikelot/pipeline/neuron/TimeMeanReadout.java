package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Averages per-timestep outputs over time: input {@code [T·B, K]}, output {@code [B, K]}. The argmax of the mean is
 * the argmax of Σ_t logits_t, the prediction rule of both reference codebases.
 */
public final class TimeMeanReadout extends AbstractBlock {

    private final int timesteps;

    public TimeMeanReadout(int timesteps) {
        this.timesteps = timesteps;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (timesteps == 1) {
            return inputs;
        }
        Shape s = x.getShape();
        Shape split = new Shape(timesteps, s.get(0) / timesteps).addAll(s.slice(1));
        return new NDList(x.reshape(split).mean(new int[] {0}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0) / timesteps).addAll(s.slice(1))};
    }
}
