package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BatchNorm1d over the embedding axis of tokens {@code [T·B, N, D]}: normalises per feature D across batch and
 * tokens, as Spikformer's {@code bn(x.transpose(-1, -2))} does.
 */
final class TokenBatchNorm extends AbstractBlock {

    private final Block norm;

    TokenBatchNorm(Block norm) {
        this.norm = norm;
        children.add("norm", norm);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList channelsFirst = new NDList(inputs.singletonOrThrow().transpose(0, 2, 1));
        return new NDList(norm.forward(store, channelsFirst, training, params)
                .singletonOrThrow()
                .transpose(0, 2, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        norm.initialize(manager, dataType, new Shape(s.get(0), s.get(2), s.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
