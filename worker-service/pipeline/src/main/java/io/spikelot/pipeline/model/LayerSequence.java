package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.spikelot.model.arch.FeatureShape;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.WeightLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog layers run in order on {@code [N, ...]} (N = B or T·B). Child input shapes come from the catalog's
 * per-sample shapes, so initialization never has to guess what a lambda block outputs.
 */
final class LayerSequence extends AbstractBlock {

    private final List<Layer> layers = new ArrayList<>();
    private final InputProbe probe;
    private final boolean once;

    /**
     * @param probe where weight layers report their inputs during evaluation
     * @param once whether the sequence runs once per sample (the static-image encoder) rather than on {@code [T·B,
     *     ...]}
     */
    LayerSequence(InputProbe probe, boolean once) {
        this.probe = probe;
        this.once = once;
    }

    void add(Layer layer, Block block) {
        // child names are the catalog's own (dots are DJL's name separator, hence '_')
        children.add(layer.name().replace('.', '_'), block);
        layers.add(layer);
    }

    boolean isEmpty() {
        return layers.isEmpty();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList current = inputs;
        boolean recording = probe.recording(training);
        for (int i = 0; i < layers.size(); i++) {
            if (recording && layers.get(i) instanceof WeightLayer weight) {
                probe.layer(weight.name(), current.singletonOrThrow(), once);
            }
            current = children.get(i).getValue().forward(store, current, training, params);
        }
        return current;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long leading = inputShapes[0].get(0);
        for (int i = 0; i < layers.size(); i++) {
            children.get(i)
                    .getValue()
                    .initialize(
                            manager,
                            dataType,
                            withLeading(leading, layers.get(i).input()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        if (layers.isEmpty()) {
            return inputShapes;
        }
        return new Shape[] {
            withLeading(inputShapes[0].get(0), layers.get(layers.size() - 1).output())
        };
    }

    /** {@code [leading, dims...]}. */
    static Shape withLeading(long leading, FeatureShape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = leading;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.get(i);
        }
        return new Shape(dims);
    }
}
