package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code y = after(body(x) + shortcut(x))} on {@code [T·B, ...]}; an empty shortcut is the identity. */
final class ResidualBlock extends AbstractBlock {

    private final LayerSequence body;
    private final LayerSequence shortcut;
    private final LayerSequence after;

    ResidualBlock(LayerSequence body, LayerSequence shortcut, LayerSequence after) {
        this.body = body;
        this.shortcut = shortcut;
        this.after = after;
        children.add("body", body);
        children.add("shortcut", shortcut);
        children.add("after", after);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray main = body.forward(store, inputs, training, params).singletonOrThrow();
        NDArray skip = shortcut.isEmpty()
                ? inputs.singletonOrThrow()
                : shortcut.forward(store, inputs, training, params).singletonOrThrow();
        NDList sum = new NDList(main.add(skip));
        return after.isEmpty() ? sum : after.forward(store, sum, training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
        after.initialize(manager, dataType, body.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return body.getOutputShapes(inputShapes);
    }
}
