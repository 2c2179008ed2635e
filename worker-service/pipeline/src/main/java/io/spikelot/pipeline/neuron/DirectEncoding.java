package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Direct encoding of static inputs (ALGORITHMS.md §1.3): the same analog tensor is fed at every timestep.
 *
 * <p>Input {@code [B, ...]}, output {@code [T·B, ...]} (T copies, time-major). Placed after the first conv + BN
 * the encoder runs once instead of T times, with identical results (Kim et al.'s order).
 */
public final class DirectEncoding extends AbstractBlock {

    private final int timesteps;

    public DirectEncoding(int timesteps) {
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be >= 1, was " + timesteps);
        }
        this.timesteps = timesteps;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (timesteps == 1) {
            return inputs;
        }
        NDArray x = inputs.singletonOrThrow();
        // the PyTorch engine does not implement tile(); T references concatenated along axis 0 are time-major
        NDList copies = new NDList(timesteps);
        for (int t = 0; t < timesteps; t++) {
            copies.add(x);
        }
        return new NDList(NDArrays.concat(copies, 0));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long[] dims = in.getShape();
        dims[0] = dims[0] * timesteps;
        return new Shape[] {new Shape(dims)};
    }
}
